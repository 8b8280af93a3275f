package org.uei.p2p.audit.entry;

/** Bytes that are not the canonical encoding of a log entry. */
public class MalformedEntryException extends IllegalArgumentException {

  public MalformedEntryException(String message) {
    super(message);
  }
}
