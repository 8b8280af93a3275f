/**
 * Ed25519 signing keys and X25519 encryption keys in the encodings Beckn networks use, and their
 * JWKs.
 */
package org.uei.p2p.signing.keys;
