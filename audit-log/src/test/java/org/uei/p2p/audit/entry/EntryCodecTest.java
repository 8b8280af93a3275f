package org.uei.p2p.audit.entry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.audit.Fixtures;

class EntryCodecTest {

  private static final Instant T = Instant.parse("2026-02-10T06:00:00.123456789Z");

  @Test
  void everyFixtureRoundTripsToTheSameBytes() {
    for (int i = 0; i < 30; i++) {
      LogEntry entry = Fixtures.entry(i);
      byte[] bytes = entry.encode();
      LogEntry decoded = EntryCodec.decode(bytes);
      assertEquals(entry, decoded, "entry " + i);
      assertArrayEquals(bytes, decoded.encode(), "entry " + i);
    }
  }

  @Test
  void signedMessageLayoutIsLengthPrefixedAsDocumented() {
    SignedMessageEntry m =
        SignedMessageEntry.of(
            Direction.OUT,
            "on_status",
            "t",
            "m",
            new byte[] {'{', '}'},
            Map.of("Authorization", "S"),
            Instant.ofEpochSecond(1, 2));
    String hex = HexFormat.of().formatHex(m.encode());
    assertEquals(
        "01"
            + "01"
            + "01"
            + "00000009"
            + hex("on_status")
            + "00000001"
            + hex("t")
            + "00000001"
            + hex("m")
            + "0000000000000001"
            + "00000002"
            + "00000001"
            + "0000000d"
            + hex("Authorization")
            + "00000001"
            + hex("S")
            + "00000002"
            + "7b7d",
        hex);
  }

  @Test
  void headersAreCanonicalWhateverTheMapOrder() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("X-Gateway-Authorization", "g");
    a.put("Authorization", "s");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("Authorization", "s");
    b.put("X-Gateway-Authorization", "g");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(
        SignedMessageEntry.of(Direction.IN, "init", "t", "m", body, a, T).encode(),
        SignedMessageEntry.of(Direction.IN, "init", "t", "m", body, b, T).encode());
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] one = SignedMessageEntry.of(Direction.IN, "ab", "c", "m", body, Map.of(), T).encode();
    byte[] two = SignedMessageEntry.of(Direction.IN, "a", "bc", "m", body, Map.of(), T).encode();
    assertNotEquals(HexFormat.of().formatHex(one), HexFormat.of().formatHex(two));
  }

  @Test
  void recordWithoutTransactionRoundTrips() {
    RecordEntry r =
        new RecordEntry(
            RecordEntry.Kind.SETTLEMENT,
            "net-2026-02-10",
            null,
            "{\"net_inr\":\"1234.50\"}".getBytes(StandardCharsets.UTF_8),
            T);
    assertEquals(r, EntryCodec.decode(r.encode()));
  }

  @Test
  void badInputIsRefusedWithAReason() {
    String json =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new RecordEntry(
                        RecordEntry.Kind.ALLOCATION,
                        "r",
                        null,
                        "{\"a\":1".getBytes(StandardCharsets.UTF_8),
                        T))
            .getMessage();
    assertTrue(json.startsWith("record is not valid JSON: Unexpected end-of-input"), json);
    assertEquals(
        "entry is truncated",
        assertThrows(MalformedEntryException.class, () -> EntryCodec.decode(new byte[] {1, 1, 0}))
            .getMessage());
    assertEquals(
        "action must not be empty",
        assertThrows(
                IllegalArgumentException.class,
                () -> SignedMessageEntry.of(Direction.IN, "", "t", "m", new byte[0], Map.of(), T))
            .getMessage());

    byte[] good = Fixtures.entry(0).encode();
    assertEquals(
        "field length 142 exceeds the 141 bytes left",
        assertThrows(
                MalformedEntryException.class,
                () -> EntryCodec.decode(Arrays.copyOf(good, good.length - 1)))
            .getMessage());
    assertEquals(
        "1 unexpected bytes after the entry",
        assertThrows(
                MalformedEntryException.class,
                () -> EntryCodec.decode(Arrays.copyOf(good, good.length + 1)))
            .getMessage());
    byte[] badVersion = good.clone();
    badVersion[0] = 2;
    assertEquals(
        "unknown entry encoding version 2",
        assertThrows(MalformedEntryException.class, () -> EntryCodec.decode(badVersion))
            .getMessage());
    byte[] hugeLength = good.clone();
    ByteBuffer.wrap(hugeLength).putInt(3, Integer.MAX_VALUE);
    assertThrows(MalformedEntryException.class, () -> EntryCodec.decode(hugeLength));
    assertThrows(MalformedEntryException.class, () -> EntryCodec.decode(new byte[0]));
  }

  private static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }
}
