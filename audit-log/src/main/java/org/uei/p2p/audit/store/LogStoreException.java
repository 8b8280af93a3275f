package org.uei.p2p.audit.store;

/** A log store could not read or write its backing storage, or found it inconsistent. */
public class LogStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogStoreException(String message) {
    super(message);
  }

  public LogStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
