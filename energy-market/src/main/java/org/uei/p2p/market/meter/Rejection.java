package org.uei.p2p.market.meter;

/**
 * A row of meter data that was not stored, and why.
 *
 * @param line 1-based line of the row in the CSV file (header is line 1), or of the element in a
 *     JSON document
 * @param location where the row is: {@code line 7} for CSV, {@code readings[5]} for JSON
 * @param reason category of the problem
 * @param message what exactly was wrong
 */
public record Rejection(long line, String location, Reason reason, String message) {

  /** Why a row was rejected. */
  public enum Reason {
    /** The file does not start with the expected header. */
    WRONG_HEADER,
    /** The row does not have the expected fields. */
    MALFORMED_ROW,
    /** The meter is not in the directory. */
    UNKNOWN_METER,
    /** The block start is not an ISO-8601 date-time with offset. */
    BAD_TIMESTAMP,
    /** The block length is not 15, 30 or 60 minutes. */
    BAD_BLOCK_LENGTH,
    /** The block does not start on a multiple of its length in the network's time zone. */
    BLOCK_NOT_ALIGNED,
    /** An energy value is not a number. */
    NOT_A_NUMBER,
    /** An energy value is negative. */
    NEGATIVE_VALUE,
    /** The same meter and block was already given with other values. */
    DUPLICATE_BLOCK,
    /** The block overlaps a block of another length for the same meter. */
    OVERLAPPING_BLOCK
  }
}
