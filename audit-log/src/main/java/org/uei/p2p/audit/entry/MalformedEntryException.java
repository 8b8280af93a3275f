package org.uei.p2p.audit.entry;

/** Bytes that are not the canonical encoding of a log entry. */
public class MalformedEntryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedEntryException(String message) {
    super(message);
  }
}
