package org.uei.p2p.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.store.InMemoryLogStore;

/** Every proof of every tree up to 33 leaves, against the literal RFC recursion, plus tampering. */
class ExhaustiveProofTest {

  private static final int MAX = 33;
  private static final List<byte[]> D = ReferenceTree.entries(MAX);
  private static MerkleLog log;
  private static byte[][] roots;

  @BeforeAll
  static void build() {
    log = new MerkleLog(new InMemoryLogStore());
    roots = new byte[MAX + 1][];
    roots[0] = ReferenceTree.mth(List.of());
    for (int n = 1; n <= MAX; n++) {
      log.append(D.get(n - 1));
      roots[n] = ReferenceTree.mth(D.subList(0, n));
      assertArrayEquals(roots[n], log.rootHash(), "root after append " + n);
    }
  }

  @Test
  void everyInclusionProofMatchesTheRfcAndVerifies() {
    for (int n = 1; n <= MAX; n++) {
      assertArrayEquals(roots[n], log.rootHash(n));
      for (int m = 0; m < n; m++) {
        InclusionProof proof = log.inclusionProof(m, n);
        assertSame(
            ReferenceTree.path(m, D.subList(0, n)), proof.path(), "PATH(" + m + ", D[" + n + "])");
        assertTrue(
            proof.verify(ReferenceTree.leaf(D.get(m)), roots[n]), "verify " + m + " in " + n);
      }
    }
  }

  @Test
  void everyConsistencyProofMatchesTheRfcAndVerifies() {
    for (int n = 1; n <= MAX; n++) {
      for (int m = 1; m <= n; m++) {
        ConsistencyProof proof = log.consistencyProof(m, n);
        List<byte[]> expected = m == n ? List.of() : ReferenceTree.proof(m, D.subList(0, n));
        assertSame(expected, proof.path(), "PROOF(" + m + ", D[" + n + "])");
        assertTrue(proof.verify(roots[m], roots[n]), "verify " + m + " -> " + n);
      }
    }
  }

  @Test
  void tamperedInclusionProofsAreRejected() {
    for (int n = 1; n <= MAX; n++) {
      for (int m = 0; m < n; m++) {
        InclusionProof good = log.inclusionProof(m, n);
        byte[] leaf = ReferenceTree.leaf(D.get(m));
        List<byte[]> path = good.path();
        for (int p = 0; p < path.size(); p++) {
          List<byte[]> bad = new ArrayList<>(path);
          byte[] flipped = path.get(p).clone();
          flipped[p % 32] ^= 0x01;
          bad.set(p, flipped);
          assertFalse(new InclusionProof(m, n, bad).verify(leaf, roots[n]), "flipped element " + p);
        }
        assertFalse(good.verify(ReferenceTree.leaf(D.get((m + 1) % MAX)), roots[n]), "other leaf");
        assertFalse(good.verify(leaf, roots[n == 1 ? 2 : n - 1]), "other root");
        if (n > 1) {
          assertFalse(
              new InclusionProof((m + 1) % n, n, path).verify(leaf, roots[n]), "wrong index");
          assertFalse(
              new InclusionProof(m, n, path.subList(0, path.size() - 1)).verify(leaf, roots[n]),
              "short");
        }
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(roots[n]);
        assertFalse(new InclusionProof(m, n, longer).verify(leaf, roots[n]), "extra element");
        // The root binds the size: a path for one size never reaches the real root of another.
        if (n < MAX) {
          assertFalse(
              new InclusionProof(m, n + 1, path).verify(leaf, roots[n + 1]),
              "size +1 " + m + "/" + n);
        }
        if (n > m + 1) {
          assertFalse(
              new InclusionProof(m, n - 1, path).verify(leaf, roots[n - 1]),
              "size -1 " + m + "/" + n);
        }
        assertFalse(new InclusionProof(m, m, path).verify(leaf, roots[n]), "index equal to size");
      }
    }
  }

  @Test
  void tamperedConsistencyProofsAreRejected() {
    for (int n = 2; n <= MAX; n++) {
      for (int m = 1; m < n; m++) {
        ConsistencyProof good = log.consistencyProof(m, n);
        List<byte[]> path = good.path();
        for (int p = 0; p < path.size(); p++) {
          List<byte[]> bad = new ArrayList<>(path);
          byte[] flipped = path.get(p).clone();
          flipped[31 - p % 32] ^= (byte) 0x80;
          bad.set(p, flipped);
          assertFalse(new ConsistencyProof(m, n, bad).verify(roots[m], roots[n]), "flipped " + p);
        }
        assertFalse(good.verify(roots[m - 1], roots[n]), "wrong first root");
        assertFalse(good.verify(roots[m], roots[n - 1]), "wrong second root");
        assertFalse(new ConsistencyProof(m, n, List.of()).verify(roots[m], roots[n]), "empty path");
        assertFalse(
            new ConsistencyProof(m, n, path.subList(1, path.size())).verify(roots[m], roots[n]),
            "short");
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(roots[n]);
        assertFalse(new ConsistencyProof(m, n, longer).verify(roots[m], roots[n]), "extra element");
        assertFalse(new ConsistencyProof(n, m, path).verify(roots[n], roots[m]), "sizes swapped");
      }
    }
  }

  @Test
  void trivialConsistencyCases() {
    assertTrue(log.consistencyProof(0, 5).verify(roots[0], roots[5]));
    assertFalse(new ConsistencyProof(0, 5, List.of(roots[1])).verify(roots[0], roots[5]));
    assertTrue(log.consistencyProof(5, 5).verify(roots[5], roots[5]));
    assertFalse(new ConsistencyProof(5, 5, List.of()).verify(roots[5], roots[6]));
  }

  @Test
  void impossibleRequestsAreRefusedWithAReason() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> log.inclusionProof(5, 5));
    assertEquals("leaf index 5 is not in a tree of 5 leaves", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> log.inclusionProof(0, MAX + 1));
    assertThrows(IllegalArgumentException.class, () -> log.consistencyProof(6, 5));
    assertThrows(IllegalArgumentException.class, () -> log.rootHash(MAX + 1));
    assertThrows(
        IllegalArgumentException.class, () -> new InclusionProof(0, 1, List.of(new byte[31])));
  }

  private static void assertSame(List<byte[]> expected, List<byte[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": length");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), what + ": element " + i);
    }
  }
}
