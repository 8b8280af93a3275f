package org.uei.p2p.audit.entry;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An allocation or settlement record the node computed, as the JSON bytes it stores or publishes.
 *
 * @param kind allocation or settlement
 * @param recordId the record's own id, unique within its kind
 * @param transactionId the {@code transaction_id} the record is about, or null for a record that
 *     spans several trades (a net settlement)
 * @param json the record as UTF-8 JSON, byte for byte
 * @param timestamp when the record was made
 */
public record RecordEntry(
    Kind kind, String recordId, String transactionId, byte[] json, Instant timestamp)
    implements LogEntry {

  /** What a record is. */
  public enum Kind {
    /** Post-delivery allocation of metered energy to a trade. */
    ALLOCATION,
    /** Money owed or paid between platforms or to a DISCOM. */
    SETTLEMENT
  }

  public RecordEntry {
    Objects.requireNonNull(kind, "kind");
    recordId = EntryCodec.requireText(recordId, "record id");
    if (transactionId != null) {
      transactionId = EntryCodec.requireText(transactionId, "transaction_id");
    }
    Objects.requireNonNull(json, "json");
    json = json.clone();
    EntryCodec.requireJson(json);
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** A copy of the JSON bytes. */
  @Override
  public byte[] json() {
    return json.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordEntry e
        && kind == e.kind
        && recordId.equals(e.recordId)
        && Objects.equals(transactionId, e.transactionId)
        && Arrays.equals(json, e.json)
        && timestamp.equals(e.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, recordId, transactionId, Arrays.hashCode(json), timestamp);
  }

  @Override
  public String toString() {
    return "RecordEntry["
        + kind
        + " "
        + recordId
        + " transaction_id="
        + transactionId
        + " json="
        + json.length
        + " bytes at "
        + timestamp
        + "]";
  }
}
