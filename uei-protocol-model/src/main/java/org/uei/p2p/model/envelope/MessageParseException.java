package org.uei.p2p.model.envelope;

/**
 * A body that cannot be read as a message of its wire generation: not JSON, or a member of the
 * wrong JSON type (wave 1), or a number or string out of bounds (wave 2). {@link #error()} is the
 * BECKN-005 error to send back in a NACK.
 */
public final class MessageParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient BecknError error;
  private final boolean notJson;

  /**
   * A parse failure answered with {@code error}; {@code notJson} when the body is not JSON at all.
   */
  public MessageParseException(BecknError error, boolean notJson, Throwable cause) {
    super(error.toString(), cause);
    this.error = error;
    this.notJson = notJson;
  }

  /** The error (code 30000, a message and the JSON path when known). */
  public BecknError error() {
    return error;
  }

  /** True when the body is not JSON at all (as opposed to JSON of the wrong shape). */
  public boolean isNotJson() {
    return notJson;
  }
}
