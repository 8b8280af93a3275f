/**
 * Compact JWS with Ed25519 (EdDSA) over arbitrary payloads, using nimbus-jose-jwt for the
 * structure.
 */
package org.uei.p2p.signing.jws;
