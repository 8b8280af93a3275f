package org.uei.p2p.model.envelope;

import java.util.Optional;

/**
 * The BECKN-005 error codes this library emits. Incoming codes are kept as opaque strings in {@link
 * BecknError}; {@link #fromCode(String)} recognises the known ones.
 */
public enum ErrorCode {
  INVALID_REQUEST("30000", "Invalid request"),
  PROVIDER_NOT_FOUND("30001", "Provider not found"),
  ITEM_NOT_FOUND("30004", "Item not found"),
  FULFILLMENT_UNAVAILABLE("30008", "Fulfillment unavailable"),
  ORDER_NOT_FOUND("30010", "Order not found"),
  BUSINESS_ERROR("40000", "Business error"),
  ACTION_NOT_APPLICABLE("40001", "Action not applicable"),
  ITEM_QUANTITY_UNAVAILABLE("40002", "Item quantity unavailable"),
  QUOTE_UNAVAILABLE("40003", "Quote unavailable"),
  POLICY_ERROR("50000", "Policy error"),
  CANCELLATION_NOT_POSSIBLE("50001", "Cancellation not possible"),
  UPDATE_NOT_POSSIBLE("50002", "Update not possible");

  private final String code;
  private final String title;

  ErrorCode(String code, String title) {
    this.code = code;
    this.title = title;
  }

  /** The code as written on the wire, e.g. {@code "30000"}. */
  public String code() {
    return code;
  }

  /** A short human-readable title. */
  public String title() {
    return title;
  }

  /** The known code with this wire value, if any. */
  public static Optional<ErrorCode> fromCode(String code) {
    for (ErrorCode c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
