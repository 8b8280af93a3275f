package org.uei.p2p.node.handler;

/**
 * What a handler's admission of a message worked out (an order priced from the catalog, say), kept
 * for the handling of the same message in the same process, so that the handler does not work it
 * out again. Empty for a message handled after a restart or taken over from another instance: the
 * handler then works it out itself.
 */
public final class Admitted {

  private volatile Object value;

  /** Keeps {@code result} for the handling. */
  public void set(Object result) {
    value = result;
  }

  /**
   * What admission kept, if it is a {@code type}; else what {@code workOut} works out now, as for a
   * message admitted by another process.
   */
  public <T, X extends Exception> T orElse(Class<T> type, Work<T, X> workOut) throws X {
    Object v = value;
    return type.isInstance(v) ? type.cast(v) : workOut.get();
  }

  /** Works out a result, as admission would have. */
  @FunctionalInterface
  public interface Work<T, X extends Exception> {
    /** The result. */
    T get() throws X;
  }
}
