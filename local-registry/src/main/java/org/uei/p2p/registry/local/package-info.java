/**
 * A registry server for development networks, the examples network and conformance runs; see {@link
 * org.uei.p2p.registry.local.LocalRegistry}.
 */
package org.uei.p2p.registry.local;
