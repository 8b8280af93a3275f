package org.uei.p2p.market.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.market.meter.Rejection.Reason;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.model.trade.DeliverySlot;

class MeterDataImporterTest {
  private static final String H = MeterDataImporter.CSV_HEADER + "\n";

  /** 06:00 IST. */
  private static final Instant SIX = Instant.parse("2026-02-10T00:30:00Z");

  private final InMemoryMeterReadingStore store = new InMemoryMeterReadingStore();
  private final MeterDataImporter importer =
      new MeterDataImporter(
          new InMemoryMeterDirectory(
              List.of(
                  new MeterInfo(
                      "DER-1", "PVVNL", "A-1", "UP", new BigDecimal("5"), new BigDecimal("3")),
                  new MeterInfo(
                      "CA-2", "BRPL", "A-2", "DL", BigDecimal.ZERO, new BigDecimal("5")))),
          store,
          TradingRules.IST);

  private ImportReport csv(String body) throws IOException {
    return importer.importCsv(new StringReader(H + body));
  }

  private Rejection onlyRejection(String row) throws IOException {
    ImportReport r = csv("DER-1,2026-02-10T06:00:00+05:30,60,0.10,4.00\n" + row + "\n");
    assertEquals(1, r.added() + r.unchanged(), "the good row still lands");
    assertEquals(1, r.rejections().size(), r.rejections().toString());
    Rejection rej = r.rejections().get(0);
    assertEquals(3, rej.line());
    assertEquals("line 3", rej.location());
    return rej;
  }

  @Test
  void goodRowsLandAndReImportChangesNothing() throws IOException {
    String body =
        "DER-1,2026-02-10T06:00:00+05:30,60,0.10,4.00\nCA-2,2026-02-10T00:30:00Z,30,1.5,0\n";
    ImportReport first = csv(body);
    assertEquals(new ImportReport(2, 2, 0, List.of()), first);
    ImportReport again = csv(body);
    assertEquals(new ImportReport(2, 0, 2, List.of()), again);
    assertEquals(2, store.size());
  }

  @Test
  void unknownMeterIsRejected() throws IOException {
    assertEquals(
        Reason.UNKNOWN_METER, onlyRejection("XX-9,2026-02-10T07:00:00+05:30,60,1,0").reason());
  }

  @Test
  void negativeValueIsRejected() throws IOException {
    Rejection r = onlyRejection("DER-1,2026-02-10T07:00:00+05:30,60,0,-0.01");
    assertEquals(Reason.NEGATIVE_VALUE, r.reason());
    assertTrue(r.message().contains("export_kwh -0.01"), r.message());
  }

  @Test
  void nonNumericValueIsRejected() throws IOException {
    Rejection r = onlyRejection("DER-1,2026-02-10T07:00:00+05:30,60,abc,1");
    assertEquals(Reason.NOT_A_NUMBER, r.reason());
    assertTrue(r.message().contains("import_kwh 'abc'"), r.message());
    assertEquals(
        Reason.NOT_A_NUMBER, onlyRejection("DER-1,2026-02-10T07:00:00+05:30,60,1,").reason());
  }

  @Test
  void blockNotAlignedInIstIsRejected() throws IOException {
    // 07:00 UTC is 12:30 IST: fine for a 30-minute block, not for an hour block.
    assertEquals(
        Reason.BLOCK_NOT_ALIGNED, onlyRejection("DER-1,2026-02-10T07:00:00Z,60,1,0").reason());
    assertEquals(
        Reason.BLOCK_NOT_ALIGNED, onlyRejection("DER-1,2026-02-10T07:10:00+05:30,15,1,0").reason());
    assertEquals(0, csv("DER-1,2026-02-10T07:00:00Z,30,1,0\n").rejections().size());
  }

  @Test
  void badTimestampAndBlockLengthAreRejected() throws IOException {
    assertEquals(Reason.BAD_TIMESTAMP, onlyRejection("DER-1,2026-02-10 07:00,60,1,0").reason());
    assertEquals(
        Reason.BAD_BLOCK_LENGTH, onlyRejection("DER-1,2026-02-10T07:00:00+05:30,45,1,0").reason());
  }

  @Test
  void malformedRowIsRejected() throws IOException {
    assertEquals(
        Reason.MALFORMED_ROW, onlyRejection("DER-1,2026-02-10T07:00:00+05:30,60,1").reason());
    assertEquals(
        Reason.MALFORMED_ROW, onlyRejection("DER-1,2026-02-10T07:00:00+05:30,60,1,0,9").reason());
  }

  @Test
  void duplicateBlockWithDifferentValueIsRejectedAndTheFirstKept() throws IOException {
    Rejection r = onlyRejection("DER-1,2026-02-10T06:00:00+05:30,60,0.10,4.01");
    assertEquals(Reason.DUPLICATE_BLOCK, r.reason());
    assertEquals(
        new BigDecimal("4.00"),
        store.readings("DER-1", SIX, SIX.plusSeconds(3600)).get(0).exportKwh());
  }

  @Test
  void sameBlockSameValueInAnotherScaleIsNotADuplicate() throws IOException {
    ImportReport r =
        csv("DER-1,2026-02-10T06:00:00+05:30,60,0.1,4\nDER-1,2026-02-10T00:30:00Z,60,0.100,4.0\n");
    assertEquals(new ImportReport(2, 1, 1, List.of()), r);
  }

  @Test
  void overlappingBlockOfAnotherLengthIsRejected() throws IOException {
    assertEquals(
        Reason.OVERLAPPING_BLOCK, onlyRejection("DER-1,2026-02-10T06:15:00+05:30,15,1,0").reason());
  }

  @Test
  void wrongHeaderRejectsTheFile() throws IOException {
    ImportReport r =
        importer.importCsv(new StringReader("meter,start,minutes,in,out\nDER-1,x,60,1,0\n"));
    assertEquals(0, r.added());
    assertEquals(Reason.WRONG_HEADER, r.rejections().get(0).reason());
    assertEquals(
        Reason.WRONG_HEADER, importer.importCsv(new StringReader("")).rejections().get(0).reason());
  }

  @Test
  void quarterAndHalfHourBlocksAggregateToTheHourSlot() throws IOException {
    ImportReport r =
        csv(
            """
        DER-1,2026-02-10T06:00:00+05:30,15,0.01,1.00
        DER-1,2026-02-10T06:15:00+05:30,15,0.02,1.10
        DER-1,2026-02-10T06:30:00+05:30,30,0.00,2.15
        DER-1,2026-02-10T07:00:00+05:30,15,0.50,0.25
        CA-2,2026-02-10T06:00:00+05:30,30,1.25,0
        """);
    assertTrue(r.clean(), r.rejections().toString());
    SlotAggregator agg = new SlotAggregator(store);
    SlotEnergy six = agg.aggregate("DER-1", DeliverySlot.hourStarting(SIX));
    assertEquals(new BigDecimal("4.25"), six.exportKwh());
    assertEquals(new BigDecimal("0.03"), six.importKwh());
    assertEquals(new BigDecimal("-4.22"), six.netImportKwh());
    assertTrue(six.complete());
    SlotEnergy seven = agg.aggregate("DER-1", DeliverySlot.hourStarting(SIX.plusSeconds(3600)));
    assertEquals(15, seven.coveredMinutes());
    assertEquals(false, seven.complete());
    assertEquals(30, agg.aggregate("CA-2", DeliverySlot.hourStarting(SIX)).coveredMinutes());
  }

  @Test
  void jsonShapeIsJudgedLikeCsv() throws IOException {
    String json =
        """
        {"source":"mdms","readings":[
          {"meterId":"DER-1","blockStart":"2026-02-10T06:00:00+05:30","blockMinutes":60,"importKwh":0.10,"exportKwh":4.005},
          {"meterId":"DER-1","blockStart":"2026-02-10T07:00:00+05:30","blockMinutes":60,"importKwh":-1,"exportKwh":0},
          {"meterId":"NOPE","blockStart":"2026-02-10T07:00:00+05:30","blockMinutes":60,"importKwh":1,"exportKwh":0}
        ]}""";
    ImportReport r =
        importer.importJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals(3, r.rowsRead());
    assertEquals(1, r.added());
    assertEquals(Reason.NEGATIVE_VALUE, r.rejections().get(0).reason());
    assertEquals("readings[1]", r.rejections().get(0).location());
    assertEquals(Reason.UNKNOWN_METER, r.rejections().get(1).reason());
    assertEquals(
        new BigDecimal("4.005"),
        store.readings("DER-1", SIX, SIX.plusSeconds(3600)).get(0).exportKwh());
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                importer.importJson(
                    new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("readings"), e.getMessage());
  }

  @Test
  void rejectionReportListsLineReasonAndMessage() throws IOException {
    ImportReport r =
        csv(
            "DER-1,2026-02-10T06:00:00+05:30,60,0.10,4.00\nXX-9,2026-02-10T07:00:00+05:30,60,1,0\n"
                + "DER-1,2026-02-10T07:00:00+05:30,60,1,x\n");
    StringBuilder out = new StringBuilder();
    r.writeRejections(out);
    assertEquals(
        ImportReport.REJECTIONS_HEADER
            + "\n"
            + "3,line 3,UNKNOWN_METER,meter XX-9 is not known\n"
            + "4,line 4,NOT_A_NUMBER,export_kwh 'x' is not a number of at most 18 digits before and 18 after the"
            + " decimal point\n",
        out.toString());
  }
}
