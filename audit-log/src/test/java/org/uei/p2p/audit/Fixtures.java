package org.uei.p2p.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.uei.p2p.audit.entry.Direction;
import org.uei.p2p.audit.entry.LogEntry;
import org.uei.p2p.audit.entry.RecordEntry;
import org.uei.p2p.audit.entry.SignedMessageEntry;

/**
 * Made-up but realistic log entries: confirm/on_confirm messages and allocation/settlement records.
 */
public final class Fixtures {

  private Fixtures() {}

  /** Entry {@code i}: every third a record, the others signed messages in alternating direction. */
  public static LogEntry entry(int i) {
    Instant at =
        Instant.parse("2026-02-10T06:00:00Z").plusSeconds(37L * i).plusNanos(1_000_000L * (i % 7));
    String txn = "6f1c2a4e-0000-4000-8000-" + String.format("%012d", i / 3);
    if (i % 3 == 2) {
      String json =
          "{\"trade\":\""
              + txn
              + "\",\"allocated_kwh\":\""
              + (i % 9)
              + ".25\",\"currency\":\"INR\"}";
      return new RecordEntry(
          i % 2 == 0 ? RecordEntry.Kind.ALLOCATION : RecordEntry.Kind.SETTLEMENT,
          "rec-" + i,
          txn,
          json.getBytes(StandardCharsets.UTF_8),
          at);
    }
    String body =
        "{\"context\":{\"action\":\"confirm\",\"transaction_id\":\""
            + txn
            + "\",\"message_id\":\"m-"
            + i
            + "\"},\"message\":{\"order\":{\"qty\":\""
            + i
            + ".00\"}}}";
    String auth =
        "Signature keyId=\"bap.example.org|k1|ed25519\",algorithm=\"ed25519\",created=\"1770703200\","
            + "expires=\"1770703500\",headers=\"(created) (expires) digest\",signature=\"c2lnLQ"
            + i
            + "==\"";
    return SignedMessageEntry.of(
        i % 2 == 0 ? Direction.IN : Direction.OUT,
        i % 2 == 0 ? "confirm" : "on_confirm",
        txn,
        "m-" + i,
        body.getBytes(StandardCharsets.UTF_8),
        Map.of("Authorization", auth),
        at);
  }
}
