package org.uei.p2p.market.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.meter.Rejection.Reason;
import org.uei.p2p.market.rules.TradingRules;

/**
 * The byte-level CSV import against the String-per-field import it must match: same report (counts,
 * rejections, their lines and words) and same stored blocks, on hand-picked edge cases and on
 * random files mixing every field form either path accepts or refuses.
 */
class CsvBytesImportTest {
  private static final String[] METERS = {
    "DER-1", "CA-2", "M 3", "XX-9", "\"DER-1\"", "", "DER-1 ", "\u2003DER-1"
  };
  private static final String[] STAMPS = {
    "2026-02-10T06:00:00+05:30",
    "2026-02-10T06:15:00+05:30",
    "2026-02-10T06:30:00+05:30",
    "2026-02-10T07:00:00+05:30",
    "2026-02-10T00:30:00Z",
    "2026-02-10T01:30Z",
    "2026-02-10T07:00:00Z",
    "2026-02-10T06:00:00.000+05:30",
    "2026-02-10T06:00:00.5+05:30",
    "2026-02-10t06:00:00+05:30",
    "2026-02-10 06:00",
    "",
    "2026-02-10T06:45:00+05:30",
    "2026-02-10T08:00+05:30"
  };
  private static final String[] MINUTES = {
    "15",
    "30",
    "60",
    "060",
    "+60",
    "-15",
    "45",
    "60.0",
    "",
    "1e1",
    "\u096C\u0966",
    "0000000030",
    " 30"
  };
  private static final String[] VALUES = {
    "0",
    "0.00",
    "1.5",
    "1.50",
    "4.25",
    "-0",
    "-0.0",
    "-0.01",
    "+1",
    "1e2",
    "1E-2",
    ".5",
    "5.",
    "00012.500",
    "abc",
    "",
    "123456789012345678901234.5",
    "0.000000000000000000001",
    "999999999999999999",
    "9999999999999999999",
    "\u0967.\u096B",
    "1..2",
    "1.2.3",
    "0x10",
    "\u00A01"
  };

  private static InMemoryMeterDirectory directory() {
    return new InMemoryMeterDirectory(
        List.of(
            new MeterInfo("DER-1", "PVVNL", "A-1", "UP", new BigDecimal("5"), new BigDecimal("3")),
            new MeterInfo("CA-2", "BRPL", "A-2", "DL", BigDecimal.ZERO, new BigDecimal("5")),
            new MeterInfo("M 3", "BRPL", "A-3", "DL", BigDecimal.ZERO, new BigDecimal("5"))));
  }

  /**
   * Imports {@code bytes} twice along each path into a fresh store per path, checks that all
   * agrees, and returns the report of the first import.
   */
  private static ImportReport bothAgree(byte[] bytes) throws IOException {
    InMemoryMeterReadingStore viaString = new InMemoryMeterReadingStore();
    InMemoryMeterReadingStore viaBytes = new InMemoryMeterReadingStore();
    MeterDataImporter strings = new MeterDataImporter(directory(), viaString, TradingRules.IST);
    MeterDataImporter raw = new MeterDataImporter(directory(), viaBytes, TradingRules.IST);
    ImportReport first = null;
    for (int pass = 0; pass < 2; pass++) {
      ImportReport expected =
          strings.importCsv(
              new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
      ImportReport actual = raw.importCsv(new ByteArrayInputStream(bytes));
      assertEquals(
          expected, actual, "pass " + pass + " of\n" + new String(bytes, StandardCharsets.UTF_8));
      first = first == null ? expected : first;
      assertEquals(viaString.size(), viaBytes.size());
      for (String meter : METERS) {
        assertEquals(
            viaString.readings(meter, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")),
            viaBytes.readings(meter, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")),
            meter);
      }
    }
    return first;
  }

  private static ImportReport bothAgree(String text) throws IOException {
    return bothAgree(text.getBytes(StandardCharsets.UTF_8));
  }

  private static final String H = MeterDataImporter.CSV_HEADER;

  @Test
  void crlfBlankLinesPaddingAndNoFinalNewline() throws IOException {
    ImportReport r =
        bothAgree(
            H
                + "\r\nDER-1 , 2026-02-10T06:00:00+05:30 ,60, 0.10 ,\t4.00\r\n\r\n   \r\n"
                + "CA-2,2026-02-10T06:00:00+05:30,60,1.5,0");
    assertEquals(new ImportReport(2, 2, 0, List.of()), r);
  }

  @Test
  void headerWithByteOrderMarkAndSpacesIsAccepted() throws IOException {
    assertTrue(bothAgree("\uFEFF" + H + "  \nDER-1,2026-02-10T06:00:00+05:30,60,1,0\n").clean());
    assertEquals(
        Reason.WRONG_HEADER,
        bothAgree("meter,start\nDER-1,x,60,1,0\n").rejections().get(0).reason());
    assertEquals(Reason.WRONG_HEADER, bothAgree("").rejections().get(0).reason());
  }

  @Test
  void numberFormsAreJudgedAsBigDecimalJudgesThem() throws IOException {
    ImportReport r =
        bothAgree(
            H
                + "\n"
                + "DER-1,2026-02-10T06:00:00+05:30,60,1e2,+1\n"
                + "DER-1,2026-02-10T07:00:00+05:30,60,-0,.5\n"
                + "DER-1,2026-02-10T08:00:00+05:30,60,5.,00012.500\n"
                + "DER-1,2026-02-10T09:00:00+05:30,60,-0.01,1\n"
                + "DER-1,2026-02-10T10:00:00+05:30,60,1..2,1\n"
                + "DER-1,2026-02-10T11:00:00+05:30,60,123456789012345678901234.5,\u0967.\u096B\n");
    assertEquals(5, r.rowsRead() - 1);
    // The last row: 24 integer digits are beyond the wire's number bounds, and so are digits
    // other than ASCII ones, which BigDecimal alone would read.
    assertEquals(
        List.of(Reason.NEGATIVE_VALUE, Reason.NOT_A_NUMBER, Reason.NOT_A_NUMBER),
        r.rejections().stream().map(Rejection::reason).toList());
  }

  @Test
  void quotedFieldsAreNotUnquotedByEitherPath() throws IOException {
    ImportReport r =
        bothAgree(
            H
                + "\n\"DER-1\",2026-02-10T06:00:00+05:30,60,1,0\nDER-1,2026-02-10T06:00:00+05:30,60,\"1\",0\n");
    assertEquals(
        List.of(Reason.UNKNOWN_METER, Reason.NOT_A_NUMBER),
        r.rejections().stream().map(Rejection::reason).toList());
  }

  @Test
  void duplicatesOverlapsAndOtherScalesAsInTheStore() throws IOException {
    ImportReport r =
        bothAgree(
            H
                + "\n"
                + "DER-1,2026-02-10T06:00:00+05:30,60,0.10,4.00\n"
                + "DER-1,2026-02-10T06:00:00+05:30,60,0.1,4\n"
                + "DER-1,2026-02-10T06:00:00+05:30,60,0.10,4.01\n"
                + "DER-1,2026-02-10T06:15:00+05:30,15,1,0\n"
                + "DER-1,2026-02-10T05:00:00+05:30,60,1,0\n"
                + "DER-1,2026-02-10T05:30:00+05:30,30,1,0\n");
    assertEquals(
        List.of(Reason.DUPLICATE_BLOCK, Reason.OVERLAPPING_BLOCK, Reason.OVERLAPPING_BLOCK),
        r.rejections().stream().map(Rejection::reason).toList());
    assertEquals(2, r.added());
    assertEquals(1, r.unchanged());
  }

  @Test
  void randomFilesImportTheSameAlongBothPaths() throws IOException {
    Random random = new Random(20260210);
    for (int round = 0; round < 400; round++) {
      bothAgree(randomFile(random));
    }
  }

  /**
   * A day-by-day run imports one file after another into one store it clears between them, with an
   * importer that remembers meters: each report must be that of a fresh importer into an empty
   * store, also when the directory learns a meter between two files.
   */
  @Test
  void aDailyRunImporterReportsWhatAFreshImporterReports() throws IOException {
    Random random = new Random(230);
    for (int round = 0; round < 100; round++) {
      InMemoryMeterDirectory directory = directory();
      InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
      MeterDataImporter run = MeterDataImporter.forDailyRun(directory, store, TradingRules.IST);
      for (int day = 0; day < 4; day++) {
        if (day == 2) {
          directory.put(
              new MeterInfo("XX-9", "BRPL", "A-9", "DL", BigDecimal.ZERO, BigDecimal.ONE));
        }
        byte[] file = randomFile(random);
        InMemoryMeterReadingStore fresh = new InMemoryMeterReadingStore();
        ImportReport expected =
            new MeterDataImporter(directory, fresh, TradingRules.IST)
                .importCsv(new ByteArrayInputStream(file));
        store.clear();
        assertEquals(expected, run.importCsv(new ByteArrayInputStream(file)), "day " + day);
        assertEquals(fresh.size(), store.size());
        for (String meter : METERS) {
          assertEquals(
              fresh.readings(meter, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")),
              store.readings(meter, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")),
              meter);
        }
      }
    }
  }

  private static byte[] randomFile(Random random) {
    String[] ends = {"\n", "\r\n", "\r"};
    StringBuilder sb = new StringBuilder(H).append(ends[random.nextInt(3)]);
    int rows = random.nextInt(40);
    for (int i = 0; i < rows; i++) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        sb.append(random.nextBoolean() ? "" : " \t ");
      } else if (kind < 12) {
        // mostly plain valid rows, so that duplicates and overlaps happen
        sb.append(pick(random, METERS, 2))
            .append(',')
            .append(pick(random, STAMPS, 5))
            .append(',')
            .append(pick(random, MINUTES, 3))
            .append(',')
            .append(pick(random, VALUES, 5))
            .append(',')
            .append(pick(random, VALUES, 5));
      } else {
        int fields = 4 + random.nextInt(3);
        String[][] pools = {METERS, STAMPS, MINUTES, VALUES, VALUES, VALUES};
        for (int f = 0; f < fields; f++) {
          sb.append(f == 0 ? "" : ",").append(pad(random, pick(random, pools[f], pools[f].length)));
        }
      }
      if (i < rows - 1 || random.nextBoolean()) {
        sb.append(ends[random.nextInt(3)]);
      }
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(10) == 0 && bytes.length > 60) {
      bytes[60 + random.nextInt(bytes.length - 60)] = (byte) 0xC3;
    }
    return bytes;
  }

  private static String pick(Random random, String[] pool, int commonFirst) {
    return pool[
        random.nextInt(4) > 0
            ? random.nextInt(Math.min(commonFirst, pool.length))
            : random.nextInt(pool.length)];
  }

  private static String pad(Random random, String s) {
    return switch (random.nextInt(8)) {
      case 0 -> " " + s;
      case 1 -> s + "\t";
      case 2 -> "\u001F" + s + " ";
      default -> s;
    };
  }
}
