package org.uei.p2p.audit.store;

import java.util.Arrays;
import org.uei.p2p.audit.merkle.MerkleHashes;

/**
 * A {@link LogStore} in memory, for tests, tools and benchmarks; everything is lost on exit.
 *
 * <p>Entries and hashes live in fixed-size pages so that growth never copies what is already
 * stored, which keeps appends cheap at tens of millions of leaves. Readers see an index only after
 * {@link #size()} covers it: the volatile size is written last.
 */
public final class InMemoryLogStore implements LogStore {

  private static final int ENTRY_PAGE_BITS = 16;
  private static final int HASH_PAGE_BITS = 15;
  private static final int HASH = MerkleHashes.HASH_LENGTH;

  private volatile byte[][][] entryPages = new byte[1][][];
  private volatile byte[][] hashPages = new byte[1][];
  private volatile long size;
  private long hashCount;

  @Override
  public long size() {
    return size;
  }

  @Override
  public synchronized void append(long index, byte[] entry, byte[][] hashes) {
    TreeLayout.checkAppend(index, size, entry, hashes);
    putEntry(index, entry.clone());
    for (byte[] h : hashes) {
      putHash(hashCount++, h);
    }
    size = index + 1;
  }

  @Override
  public byte[] entry(long index) {
    checkIndex(index);
    byte[][] page = entryPages[(int) (index >>> ENTRY_PAGE_BITS)];
    return page[(int) (index & ((1 << ENTRY_PAGE_BITS) - 1))].clone();
  }

  @Override
  public byte[] subtreeHash(int level, long index) {
    TreeLayout.checkComplete(level, index, size);
    long pos = TreeLayout.position(level, index);
    byte[] page = hashPages[(int) (pos >>> HASH_PAGE_BITS)];
    int offset = (int) (pos & ((1 << HASH_PAGE_BITS) - 1)) * HASH;
    return Arrays.copyOfRange(page, offset, offset + HASH);
  }

  private void checkIndex(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "no entry " + index + " in a log of " + size + " entries");
    }
  }

  private void putEntry(long index, byte[] entry) {
    int pageNo = (int) (index >>> ENTRY_PAGE_BITS);
    byte[][][] pages = entryPages;
    if (pageNo == pages.length) {
      pages = Arrays.copyOf(pages, pages.length * 2);
      entryPages = pages;
    }
    if (pages[pageNo] == null) {
      pages[pageNo] = new byte[1 << ENTRY_PAGE_BITS][];
    }
    pages[pageNo][(int) (index & ((1 << ENTRY_PAGE_BITS) - 1))] = entry;
  }

  private void putHash(long pos, byte[] hash) {
    int pageNo = (int) (pos >>> HASH_PAGE_BITS);
    byte[][] pages = hashPages;
    if (pageNo == pages.length) {
      pages = Arrays.copyOf(pages, pages.length * 2);
      hashPages = pages;
    }
    if (pages[pageNo] == null) {
      pages[pageNo] = new byte[HASH << HASH_PAGE_BITS];
    }
    System.arraycopy(
        hash, 0, pages[pageNo], (int) (pos & ((1 << HASH_PAGE_BITS) - 1)) * HASH, HASH);
  }
}
