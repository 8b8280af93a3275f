package org.uei.p2p.audit.sth;

/** A signed tree head or an anchor referring to one was refused; the message says why. */
public class TreeHeadException extends Exception {
  private static final long serialVersionUID = 1L;

  public TreeHeadException(String message) {
    super(message);
  }

  public TreeHeadException(String message, Throwable cause) {
    super(message, cause);
  }
}
