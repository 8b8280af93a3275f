package org.uei.p2p.audit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.uei.p2p.audit.merkle.MerkleHashes;

/**
 * A {@link LogStore} in three append-only files of one directory.
 *
 * <ul>
 *   <li>{@code entries.dat}: the entry bytes, back to back;
 *   <li>{@code entries.idx}: for each entry the 8-byte big-endian offset where it ends;
 *   <li>{@code hashes.dat}: every complete-subtree hash, 32 bytes each, in {@link TreeLayout}
 *       order.
 * </ul>
 *
 * <p>An append writes the entry, then its index record, then its hashes. If the process dies in
 * between, the next {@link #open} keeps the longest prefix present in all three files and cuts off
 * the partial tail, so a half-written entry never becomes part of the log. Writes reach the
 * operating system at once; call {@link #sync()} (for instance before signing a tree head) to make
 * them survive a power loss.
 */
public final class FileLogStore implements LogStore {

  private static final int HASH = MerkleHashes.HASH_LENGTH;

  private final Path directory;
  private final FileChannel data;
  private final FileChannel index;
  private final FileChannel hashes;
  private volatile long size;
  private long dataEnd;

  private FileLogStore(Path directory, FileChannel data, FileChannel index, FileChannel hashes) {
    this.directory = directory;
    this.data = data;
    this.index = index;
    this.hashes = hashes;
  }

  /** Opens the log in {@code directory}, creating the directory and empty files if needed. */
  public static FileLogStore open(Path directory) {
    try {
      Files.createDirectories(directory);
      FileLogStore store =
          new FileLogStore(
              directory,
              channel(directory.resolve("entries.dat")),
              channel(directory.resolve("entries.idx")),
              channel(directory.resolve("hashes.dat")));
      try {
        store.lock();
        store.recover();
      } catch (IOException | RuntimeException e) {
        store.closeQuietly();
        throw e;
      }
      return store;
    } catch (IOException e) {
      throw new LogStoreException(
          "cannot open audit log in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The directory this store lives in. */
  public Path directory() {
    return directory;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public synchronized void append(long i, byte[] entry, byte[][] newHashes) {
    TreeLayout.checkAppend(i, size, entry, newHashes);
    long newEnd = dataEnd + entry.length;
    ByteBuffer hashBuf = ByteBuffer.allocate(newHashes.length * HASH);
    for (byte[] h : newHashes) {
      hashBuf.put(h);
    }
    try {
      writeFully(data, ByteBuffer.wrap(entry), dataEnd);
      writeFully(index, ByteBuffer.allocate(8).putLong(0, newEnd), i * 8);
      writeFully(hashes, hashBuf.flip(), TreeLayout.hashCount(i) * HASH);
    } catch (IOException e) {
      try {
        truncate(i, dataEnd);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new LogStoreException(
          "cannot append to audit log in " + directory + ": " + e.getMessage(), e);
    }
    dataEnd = newEnd;
    size = i + 1;
  }

  @Override
  public byte[] entry(long i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("no entry " + i + " in a log of " + size + " entries");
    }
    try {
      long start = i == 0 ? 0 : readLong(index, (i - 1) * 8);
      long end = readLong(index, i * 8);
      if (end < start || end - start > Integer.MAX_VALUE) {
        throw new LogStoreException("entry index of " + directory + " is corrupt at entry " + i);
      }
      return readFully(data, start, (int) (end - start));
    } catch (IOException e) {
      throw new LogStoreException(
          "cannot read entry " + i + " from " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] subtreeHash(int level, long i) {
    TreeLayout.checkComplete(level, i, size);
    try {
      return readFully(hashes, TreeLayout.position(level, i) * HASH, HASH);
    } catch (IOException e) {
      throw new LogStoreException(
          "cannot read hashes from " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void sync() {
    try {
      data.force(false);
      index.force(false);
      hashes.force(false);
    } catch (IOException e) {
      throw new LogStoreException(
          "cannot sync audit log in " + directory + ": " + e.getMessage(), e);
    }
  }

  private void closeQuietly() {
    for (FileChannel c : new FileChannel[] {data, index, hashes}) {
      try {
        c.close();
      } catch (IOException ignored) {
        // Already failing to open; the first error is the one worth reporting.
      }
    }
  }

  @Override
  public synchronized void close() {
    IOException failure = null;
    for (FileChannel c : new FileChannel[] {data, index, hashes}) {
      try {
        if (c.isOpen()) {
          c.force(false);
          c.close();
        }
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new LogStoreException(
          "cannot close audit log in " + directory + ": " + failure.getMessage(), failure);
    }
  }

  /** One writer per directory: two would interleave appends and corrupt the tree. */
  private void lock() throws IOException {
    FileLock lock;
    try {
      lock = index.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new LogStoreException("audit log in " + directory + " is already open elsewhere");
    }
  }

  /** Finds the longest prefix present in all three files and cuts off any partial append. */
  private void recover() throws IOException {
    long n = index.size() / 8;
    long dataSize = data.size();
    // Only the last append can be partial, but a damaged file could be worse: walk back until the
    // index points inside the data file.
    while (n > 0 && readLong(index, (n - 1) * 8) > dataSize) {
      n--;
    }
    long hashSlots = hashes.size() / HASH;
    long lo = 0;
    long hi = n;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (TreeLayout.hashCount(mid) <= hashSlots) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    n = lo;
    long end = n == 0 ? 0 : readLong(index, (n - 1) * 8);
    truncate(n, end);
    dataEnd = end;
    size = n;
  }

  private void truncate(long entries, long dataLength) throws IOException {
    data.truncate(dataLength);
    index.truncate(entries * 8);
    hashes.truncate(TreeLayout.hashCount(entries) * HASH);
  }

  private static FileChannel channel(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static void writeFully(FileChannel c, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      pos += c.write(buf, pos);
    }
  }

  private static long readLong(FileChannel c, long position) throws IOException {
    return ByteBuffer.wrap(readFully(c, position, 8)).getLong();
  }

  private static byte[] readFully(FileChannel c, long position, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    long pos = position;
    while (buf.hasRemaining()) {
      int read = c.read(buf, pos);
      if (read < 0) {
        throw new IOException("unexpected end of file at offset " + pos);
      }
      pos += read;
    }
    return buf.array();
  }
}
