package org.uei.p2p.audit.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.audit.Fixtures;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.merkle.MerkleHashes;

class LogStoreTest {

  @TempDir Path dir;

  @Test
  void layoutPositionsMatchAppendOrder() {
    long written = 0;
    for (long leaf = 0; leaf < 300; leaf++) {
      assertEquals(written, TreeLayout.position(0, leaf), "leaf " + leaf);
      int completes = TreeLayout.hashesCompletedBy(leaf);
      for (int level = 1; level < completes; level++) {
        assertEquals(written + level, TreeLayout.position(level, ((leaf + 1) >>> level) - 1));
      }
      written += completes;
      assertEquals(written, TreeLayout.hashCount(leaf + 1));
    }
  }

  @Test
  void fileStoreSurvivesReopenWithIdenticalTreeAndEntries() {
    byte[][] roots = new byte[41][];
    try (FileLogStore store = FileLogStore.open(dir)) {
      MerkleLog log = new MerkleLog(store);
      roots[0] = log.rootHash();
      for (int i = 0; i < 40; i++) {
        log.append(Fixtures.entry(i));
        roots[i + 1] = log.rootHash();
      }
    }
    MerkleLog memory = new MerkleLog(new InMemoryLogStore());
    for (int i = 0; i < 40; i++) {
      memory.append(Fixtures.entry(i));
    }
    try (FileLogStore store = FileLogStore.open(dir)) {
      MerkleLog log = new MerkleLog(store);
      assertEquals(40, log.size());
      assertArrayEquals(roots[40], log.rootHash());
      for (int n = 0; n <= 40; n++) {
        assertArrayEquals(roots[n], log.rootHash(n), "root of " + n);
      }
      for (int i = 0; i < 40; i++) {
        assertArrayEquals(Fixtures.entry(i).encode(), log.entry(i));
        byte[] leaf = MerkleHashes.leafHash(log.entry(i));
        assertArrayEquals(leaf, log.leafHash(i));
        assertTrue(log.inclusionProof(i, 40).verify(leaf, roots[40]), "leaf " + i + " in 40");
        assertTrue(
            log.inclusionProof(i, 40).verify(leaf, memory.rootHash()), "same tree as in memory");
        if (i < 37) {
          assertTrue(log.inclusionProof(i, 37).verify(leaf, roots[37]), "leaf " + i + " in 37");
        }
      }
      // The frontier rebuilt from disk must keep appends consistent with a log that never closed.
      log.append(Fixtures.entry(40));
      memory.append(Fixtures.entry(40));
      assertArrayEquals(memory.rootHash(), log.rootHash());
      assertTrue(log.consistencyProof(40, 41).verify(roots[40], log.rootHash()));
    }
  }

  @Test
  void partialAppendFromACrashIsCutOffOnOpen() throws IOException {
    byte[] root5;
    try (FileLogStore store = FileLogStore.open(dir)) {
      MerkleLog log = new MerkleLog(store);
      for (int i = 0; i < 6; i++) {
        log.append(Fixtures.entry(i));
      }
      root5 = log.rootHash(5);
    }
    // Leaf 5 completes a level-1 subtree (two hashes); drop the last one as a crash would.
    try (FileChannel hashes =
        FileChannel.open(dir.resolve("hashes.dat"), StandardOpenOption.WRITE)) {
      hashes.truncate(hashes.size() - 32);
    }
    try (FileLogStore store = FileLogStore.open(dir)) {
      MerkleLog log = new MerkleLog(store);
      assertEquals(5, log.size());
      assertArrayEquals(root5, log.rootHash());
      assertEquals(TreeLayout.hashCount(5) * 32, Files.size(dir.resolve("hashes.dat")));
      assertEquals(5 * 8, Files.size(dir.resolve("entries.idx")));
      log.append(Fixtures.entry(5));
      assertEquals(6, log.size());
    }
    // An entry whose bytes never reached the data file is dropped too.
    long dataSize = Files.size(dir.resolve("entries.dat"));
    try (FileChannel data =
        FileChannel.open(dir.resolve("entries.dat"), StandardOpenOption.WRITE)) {
      data.truncate(dataSize - 1);
    }
    try (FileLogStore store = FileLogStore.open(dir)) {
      assertEquals(5, store.size());
      assertArrayEquals(root5, new MerkleLog(store).rootHash());
    }
  }

  @Test
  void storesRefuseReadsOutsideTheLogAndMalformedAppends() {
    for (LogStore store : new LogStore[] {new InMemoryLogStore(), FileLogStore.open(dir)}) {
      try (store) {
        MerkleLog log = new MerkleLog(store);
        log.append(new byte[] {1});
        assertThrows(IndexOutOfBoundsException.class, () -> store.entry(1));
        assertThrows(IndexOutOfBoundsException.class, () -> store.entry(-1));
        assertThrows(IllegalArgumentException.class, () -> store.subtreeHash(1, 0));
        // Leaf 1 completes a level-1 subtree, so it must come with two hashes.
        assertThrows(
            IllegalArgumentException.class, () -> store.append(1, new byte[] {2}, new byte[1][32]));
        assertThrows(
            IllegalArgumentException.class,
            () -> store.append(1, new byte[] {2}, new byte[][] {new byte[32], new byte[31]}));
        ConcurrentAppendException stale =
            assertThrows(
                ConcurrentAppendException.class,
                () -> store.append(0, new byte[] {2}, new byte[1][32]));
        assertEquals("append at index 0 refused: the log now has 1 entries", stale.getMessage());
        assertEquals(1, store.size());
      }
    }
  }

  @Test
  void twoWritersOnOneStoreKeepOneConsistentTree() {
    InMemoryLogStore shared = new InMemoryLogStore();
    MerkleLog first = new MerkleLog(shared);
    MerkleLog second = new MerkleLog(shared);
    MerkleLog alone = new MerkleLog(new InMemoryLogStore());
    for (int i = 0; i < 21; i++) {
      (i % 3 == 0 ? second : first).append(Fixtures.entry(i));
      alone.append(Fixtures.entry(i));
      assertArrayEquals(alone.rootHash(), first.rootHash(), "after " + (i + 1));
      assertArrayEquals(alone.rootHash(), second.rootHash(), "after " + (i + 1));
    }
    assertEquals(21, first.state().size());
  }

  @Test
  void batchesOfAnySizeBuildTheTreeOfOneAppendEach() {
    InMemoryLogStore shared = new InMemoryLogStore();
    MerkleLog first = new MerkleLog(shared);
    MerkleLog second = new MerkleLog(shared);
    MerkleLog alone = new MerkleLog(new InMemoryLogStore());
    int next = 0;
    int batch = 0;
    // Sizes that start and end batches on and off every power of two; two writers alternate.
    for (int n : new int[] {1, 2, 3, 0, 5, 8, 13, 31, 1, 64, 7, 100}) {
      List<byte[]> entries = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        entries.add(Fixtures.entry(next + i).encode());
        alone.append(Fixtures.entry(next + i));
      }
      MerkleLog writer = batch++ % 2 == 0 ? first : second;
      assertEquals(next, writer.appendAll(entries), "index of the batch's first entry");
      next += n;
      assertArrayEquals(alone.rootHash(), first.rootHash(), "after " + next);
      assertArrayEquals(alone.rootHash(), second.rootHash(), "after " + next);
    }
    assertEquals(next, shared.size());
    for (int level = 0; (next >>> level) > 0; level++) {
      for (long index = 0; index < (next >>> level); index++) {
        assertArrayEquals(
            alone.store().subtreeHash(level, index),
            shared.subtreeHash(level, index),
            "subtree at level " + level + ", index " + index);
      }
    }
    for (int size = 1; size <= next; size++) {
      assertArrayEquals(alone.rootHash(size), first.rootHash(size), "root of " + size);
    }
    for (int i = 0; i < next; i++) {
      assertArrayEquals(alone.entry(i), first.entry(i), "entry " + i);
    }
  }

  @Test
  void aBatchWithABadEntryStoresNothing() {
    MerkleLog log = new MerkleLog(new InMemoryLogStore());
    log.append(Fixtures.entry(0));
    byte[] root = log.rootHash();
    List<byte[]> entries = new ArrayList<>();
    entries.add(Fixtures.entry(1).encode());
    entries.add(null);
    assertThrows(NullPointerException.class, () -> log.appendAll(entries));
    assertEquals(1, log.size());
    assertArrayEquals(root, log.rootHash());
    assertEquals(1, log.appendAll(List.of(Fixtures.entry(1).encode())));
  }

  @Test
  @SuppressWarnings("try") // the first store is held open only to be in the way
  void secondOpenOfTheSameDirectoryIsRefused() {
    try (FileLogStore first = FileLogStore.open(dir)) {
      LogStoreException e = assertThrows(LogStoreException.class, () -> FileLogStore.open(dir));
      assertEquals("audit log in " + dir + " is already open elsewhere", e.getMessage());
    }
    try (FileLogStore again = FileLogStore.open(dir)) {
      assertEquals(0, again.size());
    }
  }

  @Test
  void memoryStoreCrossesPageBoundaries() {
    MerkleLog log = new MerkleLog(new InMemoryLogStore());
    int n = (1 << 16) + 3;
    for (int i = 0; i < n; i++) {
      log.append(new byte[] {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16)});
    }
    byte[] root = log.rootHash();
    assertArrayEquals(root, log.rootHash(n));
    for (long i : new long[] {0, 65535, 65536, n - 1}) {
      assertTrue(log.inclusionProof(i, n).verify(log.leafHash(i), root));
      assertArrayEquals(MerkleHashes.leafHash(log.entry(i)), log.leafHash(i));
    }
  }
}
