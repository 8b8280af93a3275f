package org.uei.p2p.market.ledger;

/**
 * A ledger request refused, with the ledger API's error code and the field at fault (a JSON path
 * such as {@code tradeDetails[0].tradeQty}, or empty).
 */
public class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The ledger API's error codes and the HTTP status of each. */
  public enum Code {
    SCH_FIELD_NOT_ALLOWED(400),
    SCH_MISSING_REQUIRED(400),
    AUT_SIGNATURE_INVALID(401),
    AUT_NOT_AUTHORIZED(403),
    PRC_NOT_FOUND(404),
    PRC_CONFLICT(409),
    SRV_INTERNAL_ERROR(500);

    private final int status;

    Code(int status) {
      this.status = status;
    }

    /** HTTP status. */
    public int status() {
      return status;
    }
  }

  private final Code code;
  private final String field;

  /** A refusal with {@code code}, naming {@code field} (null or empty for none). */
  public LedgerException(Code code, String message, String field) {
    super(message);
    this.code = code;
    this.field = field == null ? "" : field;
  }

  public Code code() {
    return code;
  }

  public String field() {
    return field;
  }

  static LedgerException invalid(String field, String message) {
    return new LedgerException(Code.SCH_FIELD_NOT_ALLOWED, message, field);
  }

  static LedgerException missing(String field) {
    return new LedgerException(Code.SCH_MISSING_REQUIRED, field + " is required", field);
  }

  static LedgerException forbidden(String message) {
    return new LedgerException(Code.AUT_NOT_AUTHORIZED, message, "");
  }
}
