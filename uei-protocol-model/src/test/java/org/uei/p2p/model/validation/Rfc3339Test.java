package org.uei.p2p.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

  @Test
  void agreesWithJavaTimeOnValidValues() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      long sec = r.nextLong(-2_000_000_000L, 8_000_000_000L);
      int offsetMin = (r.nextInt(-18 * 60, 18 * 60 + 1) / 15) * 15;
      OffsetDateTime t =
          OffsetDateTime.ofInstant(
              java.time.Instant.ofEpochSecond(sec, r.nextInt(1000) * 1_000_000L),
              ZoneOffset.ofTotalSeconds(offsetMin * 60));
      String text = t.toString();
      if (t.getSecond() == 0 && t.getNano() == 0) {
        text = text.replace("Z", ":00Z").replaceFirst("(T\\d\\d:\\d\\d)([+-])", "$1:00$2");
      }
      assertEquals(t.toInstant().toEpochMilli(), Rfc3339.epochMillis(text), text);
    }
  }

  @Test
  void fractionsAndLowerCaseSeparators() {
    assertEquals(
        OffsetDateTime.parse("2026-02-10T05:30:12.250Z").toInstant().toEpochMilli(),
        Rfc3339.epochMillis("2026-02-10t05:30:12.250123z"));
    assertEquals(
        OffsetDateTime.parse("2024-02-29T23:59:59.5+05:30").toInstant().toEpochMilli(),
        Rfc3339.epochMillis("2024-02-29T23:59:59.5+05:30"));
  }

  @Test
  void rejectsWhatRfc3339DoesNotAllow() {
    for (String bad :
        new String[] {
          "2026-02-11",
          "2026-02-11T05:00:00",
          "2026-02-11 05:00:00Z",
          "2026-13-01T00:00:00Z",
          "2026-02-29T00:00:00Z",
          "2026-04-31T00:00:00Z",
          "2026-02-11T24:00:00Z",
          "2026-02-11T05:60:00Z",
          "2026-02-11T05:00:00.Z",
          "2026-02-11T05:00:00+0530",
          "2026-02-11T05:00:00+24:00",
          "2026-02-11T05:00Z",
          "２026-02-11T05:00:00Z",
          "2026-02-11T05:00:00Zjunk"
        }) {
      assertEquals(Long.MIN_VALUE, Rfc3339.epochMillis(bad), bad);
    }
  }
}
