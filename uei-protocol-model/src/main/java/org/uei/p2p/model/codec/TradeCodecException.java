package org.uei.p2p.model.codec;

import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;

/**
 * A message that is well-formed for its wire generation but does not carry what the trade model
 * needs (e.g. an order line without a seller meter). {@link #error()} is the NACK error.
 */
public final class TradeCodecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient BecknError error;

  /** A problem at JSON path {@code path}. */
  public TradeCodecException(String path, String message) {
    this(path, message, null);
  }

  /** A problem at JSON path {@code path}, caused by {@code cause} (e.g. a trade-model check). */
  public TradeCodecException(String path, String message, Throwable cause) {
    super(path + ": " + message, cause);
    this.error = BecknError.of(ErrorCode.INVALID_REQUEST, message, path);
  }

  /** The BECKN-005 error to answer with. */
  public BecknError error() {
    return error;
  }
}
