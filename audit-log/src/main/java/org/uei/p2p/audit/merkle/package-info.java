/** RFC 9162 Merkle tree hashing, inclusion and consistency proofs: generation and verification. */
package org.uei.p2p.audit.merkle;
