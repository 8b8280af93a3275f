/**
 * Joining a Beckn 1.x registry: the signed {@code /subscribe} call and the subscriber's answer to
 * the registry's encrypted {@code on_subscribe} challenge.
 */
package org.uei.p2p.registry.subscribe;
