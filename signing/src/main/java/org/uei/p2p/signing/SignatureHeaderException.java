package org.uei.p2p.signing;

/** A Beckn signature header could not be read; the message says which part is wrong. */
public class SignatureHeaderException extends Exception {
  private static final long serialVersionUID = 1L;

  public SignatureHeaderException(String message) {
    super(message);
  }
}
