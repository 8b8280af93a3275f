package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code beckn:TimePeriod}. The times are kept as the text that came on the wire, so that a
 * malformed time is reported by validation instead of failing the parse; {@link #startInstant()}
 * and {@link #endInstant()} give the parsed values.
 */
public final class TimePeriod extends JsonLdObject {

  /** The JSON-LD type of a time period. */
  public static final String TYPE = "beckn:TimePeriod";

  @JsonProperty("schema:startTime")
  private String startTime;

  @JsonProperty("schema:endTime")
  private String endTime;

  @JsonProperty("schema:startDate")
  private String startDate;

  @JsonProperty("schema:endDate")
  private String endDate;

  public TimePeriod() {}

  /** A period from {@code start} to {@code end}, written as UTC instants. */
  public static TimePeriod of(Instant start, Instant end) {
    TimePeriod p = new TimePeriod();
    p.setType(TYPE);
    p.startTime = start.toString();
    p.endTime = end.toString();
    return p;
  }

  /** {@code schema:startTime} as an instant; throws if it is not an RFC 3339 date-time. */
  public Instant startInstant() {
    return OffsetDateTime.parse(startTime).toInstant();
  }

  /** {@code schema:endTime} as an instant; throws if it is not an RFC 3339 date-time. */
  public Instant endInstant() {
    return OffsetDateTime.parse(endTime).toInstant();
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getEndTime() {
    return endTime;
  }

  public void setEndTime(String endTime) {
    this.endTime = endTime;
  }

  public String getStartDate() {
    return startDate;
  }

  public void setStartDate(String startDate) {
    this.startDate = startDate;
  }

  public String getEndDate() {
    return endDate;
  }

  public void setEndDate(String endDate) {
    this.endDate = endDate;
  }
}
