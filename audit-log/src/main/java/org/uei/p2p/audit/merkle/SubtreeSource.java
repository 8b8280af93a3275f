package org.uei.p2p.audit.merkle;

/**
 * Gives the hash of a complete, aligned subtree: the one at {@code level} (0 = leaves) covering
 * leaves {@code [index * 2^level, (index + 1) * 2^level)}.
 *
 * <p>Proof generation only ever asks for O(log n) such hashes, which is what makes proofs cheap
 * when a store keeps every complete subtree hash.
 */
@FunctionalInterface
public interface SubtreeSource {

  /** The 32-byte hash of the complete subtree at ({@code level}, {@code index}). */
  byte[] subtreeHash(int level, long index);
}
