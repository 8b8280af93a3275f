/**
 * Discover filters: the JSONPath subset buyer platforms send in {@code discover}, evaluated the
 * same way by a seller platform answering discover itself and by a catalog discovery service
 * answering from the catalogs sellers published to it.
 */
package org.uei.p2p.model.discovery;
