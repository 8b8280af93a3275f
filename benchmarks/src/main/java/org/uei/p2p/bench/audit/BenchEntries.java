package org.uei.p2p.bench.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.uei.p2p.audit.entry.RecordEntry;

/** Canonical encodings of allocation records of a realistic size (about 230 bytes each). */
final class BenchEntries {

  static final int POOL = 1024;

  private BenchEntries() {}

  /** {@value #POOL} distinct encoded entries; logs cycle through them. */
  static byte[][] pool() {
    byte[][] pool = new byte[POOL][];
    Instant t = Instant.parse("2026-02-10T06:00:00Z");
    for (int i = 0; i < POOL; i++) {
      String txn = String.format("6f1c2a4e-0000-4000-8000-%012d", i);
      String json =
          "{\"trade\":\""
              + txn
              + "\",\"buyer_meter\":\"TEST_MTR_B"
              + i
              + "\",\"seller_meter\":\"TEST_MTR_S"
              + i
              + "\",\"contracted_kwh\":\"5.00\",\"allocated_kwh\":\"4."
              + (i % 100)
              + "\"}";
      pool[i] =
          new RecordEntry(
                  RecordEntry.Kind.ALLOCATION,
                  "alloc-" + i,
                  txn,
                  json.getBytes(StandardCharsets.UTF_8),
                  t.plusSeconds(i))
              .encode();
    }
    return pool;
  }
}
