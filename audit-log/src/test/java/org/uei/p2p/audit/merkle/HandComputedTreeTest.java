package org.uei.p2p.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uei.p2p.audit.merkle.ReferenceTree.leaf;
import static org.uei.p2p.audit.merkle.ReferenceTree.node;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.store.InMemoryLogStore;

/**
 * Small trees whose hashes are written out by hand from the RFC 9162 formulas, including the worked
 * example of RFC 9162 §2.1.5 (seven leaves a..f, d6).
 */
class HandComputedTreeTest {

  private final List<byte[]> d = ReferenceTree.entries(8);
  private final byte[][] l = new byte[8][];
  private MerkleLog log;

  @BeforeEach
  void build() {
    log = new MerkleLog(new InMemoryLogStore());
    for (int i = 0; i < 8; i++) {
      l[i] = leaf(d.get(i));
    }
  }

  private void append(int n) {
    for (int i = (int) log.size(); i < n; i++) {
      log.append(d.get(i));
    }
  }

  @Test
  void emptyTreeIsSha256OfNothing() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HexFormat.of().formatHex(log.rootHash()));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HexFormat.of().formatHex(log.rootHash(0)));
  }

  @Test
  void rootsOfSizesOneToEight() {
    byte[] a = node(l[0], l[1]);
    byte[] b = node(l[2], l[3]);
    byte[] c = node(l[4], l[5]);
    byte[] e = node(l[6], l[7]);
    byte[][] expected = {
      l[0],
      a,
      node(a, l[2]),
      node(a, b),
      node(node(a, b), l[4]),
      node(node(a, b), c),
      node(node(a, b), node(c, l[6])),
      node(node(a, b), node(c, e)),
    };
    for (int n = 1; n <= 8; n++) {
      append(n);
      assertArrayEquals(expected[n - 1], log.rootHash(), "current root of size " + n);
    }
    for (int n = 1; n <= 8; n++) {
      assertArrayEquals(expected[n - 1], log.rootHash(n), "historic root of size " + n);
    }
  }

  @Test
  void rfcExampleInclusionPaths() {
    append(7);
    byte[] g = node(l[0], l[1]);
    byte[] h = node(l[2], l[3]);
    byte[] i = node(l[4], l[5]);
    byte[] j = l[6];
    byte[] k = node(g, h);
    byte[] lNode = node(i, j);
    byte[] root = node(k, lNode);
    assertArrayEquals(root, log.rootHash());

    assertPath(List.of(l[1], h, lNode), log.inclusionProof(0, 7));
    assertPath(List.of(l[2], g, lNode), log.inclusionProof(3, 7));
    assertPath(List.of(l[5], j, k), log.inclusionProof(4, 7));
    assertPath(List.of(i, k), log.inclusionProof(6, 7));
    for (int m : new int[] {0, 3, 4, 6}) {
      assertTrue(log.inclusionProof(m, 7).verify(l[m], root), "leaf " + m);
    }
  }

  @Test
  void rfcExampleConsistencyProofs() {
    append(7);
    byte[] c = l[2];
    byte[] dLeaf = l[3];
    byte[] g = node(l[0], l[1]);
    byte[] i = node(l[4], l[5]);
    byte[] j = l[6];
    byte[] k = node(g, node(l[2], l[3]));
    byte[] lNode = node(i, j);
    byte[] root7 = node(k, lNode);

    ConsistencyProof from3 = log.consistencyProof(3, 7);
    assertPath(List.of(c, dLeaf, g, lNode), from3.path());
    assertTrue(from3.verify(node(g, c), root7));

    ConsistencyProof from4 = log.consistencyProof(4, 7);
    assertPath(List.of(lNode), from4.path());
    assertTrue(from4.verify(k, root7));

    ConsistencyProof from6 = log.consistencyProof(6, 7);
    assertPath(List.of(i, j, k), from6.path());
    assertTrue(from6.verify(node(k, i), root7));
  }

  @Test
  void consistencyFromFiveToEight() {
    append(8);
    byte[] left = node(node(l[0], l[1]), node(l[2], l[3]));
    byte[] root5 = node(left, l[4]);
    byte[] root8 = node(left, node(node(l[4], l[5]), node(l[6], l[7])));
    ConsistencyProof proof = log.consistencyProof(5, 8);
    assertPath(List.of(l[4], l[5], node(l[6], l[7]), left), proof.path());
    assertTrue(proof.verify(root5, root8));
  }

  private static void assertPath(List<byte[]> expected, InclusionProof proof) {
    assertPath(expected, proof.path());
  }

  private static void assertPath(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size(), "path length");
    for (int n = 0; n < expected.size(); n++) {
      assertArrayEquals(expected.get(n), actual.get(n), "path element " + n);
    }
  }
}
