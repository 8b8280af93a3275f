package org.uei.p2p.audit.store;

/**
 * An append was computed for a tree size the store no longer has: another writer appended first.
 * Recompute the hashes against the grown tree and try again.
 */
public class ConcurrentAppendException extends LogStoreException {
  private static final long serialVersionUID = 1L;

  private final long expectedIndex;
  private final long actualSize;

  public ConcurrentAppendException(long expectedIndex, long actualSize) {
    super(
        "append at index "
            + expectedIndex
            + " refused: the log now has "
            + actualSize
            + " entries");
    this.expectedIndex = expectedIndex;
    this.actualSize = actualSize;
  }

  /** The index the append was computed for. */
  public long expectedIndex() {
    return expectedIndex;
  }

  /** The store's size when it refused. */
  public long actualSize() {
    return actualSize;
  }
}
