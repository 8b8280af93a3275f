package org.uei.p2p.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

class Wave2LedgerReportTest {

  private static final Instant TEN_IST = Instant.parse("2026-11-26T04:30:00Z");
  private static final Instant ELEVEN_IST = Instant.parse("2026-11-26T05:30:00Z");
  private static final Instant NOON_IST = Instant.parse("2026-11-26T06:30:00Z");

  private static final List<Wave2LedgerReport.Line> LINES =
      List.of(
          line("1", TradeSide.SELLER, TEN_IST, ELEVEN_IST, "4.25"),
          line("2", TradeSide.SELLER, ELEVEN_IST, NOON_IST, "0"),
          line("2", TradeSide.BUYER, ELEVEN_IST, NOON_IST, "1.50"));

  private static Wave2LedgerReport.Line line(
      String item, TradeSide side, Instant start, Instant end, String kwh) {
    return new Wave2LedgerReport.Line(
        item, side, start, end, new BigDecimal(kwh), Wave2LedgerReport.COMPLETED);
  }

  @Test
  void whatIsWrittenReadsBackLineForLine() throws Exception {
    Contract c = Wave2LedgerReport.write("contract-7", LINES);
    assertEquals("contract-7", c.id());
    assertEquals("ACTIVE", c.statusCode());
    assertEquals(2, c.commitments().size());
    assertEquals(LINES, Wave2LedgerReport.read(c));
    Map<String, Wave2LedgerReport.Line> buyer = Wave2LedgerReport.read(c, TradeSide.BUYER);
    assertEquals(List.of("2"), List.copyOf(buyer.keySet()));
    assertEquals(new BigDecimal("1.50"), buyer.get("2").kwh());
    assertTrue(Wave2LedgerReport.isReport(c));
  }

  @Test
  void theReportPassesInboundValidationOfAnOnStatus() throws Exception {
    Contract c = Wave2LedgerReport.write("contract-7", LINES);
    Wave2Envelope e = Wave2Envelope.parse(envelope(c.toJson()));
    assertEquals(List.of(), Wave2Validator.strict().validate(e, Wave2Action.ON_STATUS).errors());
    Contract again = e.message().contract();
    assertEquals(LINES, Wave2LedgerReport.read(again));
  }

  @Test
  void aFullContractIsNotAReport() {
    ObjectNode fixture = Fixtures.tree("wave2/on_status.json");
    Contract full = Wave2Message.of((ObjectNode) fixture.get("message")).contract();
    assertFalse(Wave2LedgerReport.isReport(full));
    assertThrows(TradeCodecException.class, () -> Wave2LedgerReport.read(full));
  }

  @Test
  void malformedReportsAreRefusedWithThePathAtFault() {
    String cm0 = "message.contract.commitments[0]";
    String in0 = cm0 + ".commitmentAttributes.intervals[0]";
    assertPath("message.contract.id", c -> c.remove("id"));
    assertPath("message.contract.commitments", c -> c.putArray("commitments"));
    assertPath(
        "message.contract.commitments[1].id",
        c -> ((ObjectNode) c.get("commitments").get(1)).put("id", "1"));
    assertPath(cm0 + ".offer", c -> commitment(c).putObject("offer").put("id", "o-1"));
    assertPath(cm0 + ".commitmentAttributes", c -> commitment(c).remove("commitmentAttributes"));
    assertPath(
        cm0 + ".commitmentAttributes.intervalPeriod.start",
        c -> ((ObjectNode) table(c).get("intervalPeriod")).put("start", "yesterday"));
    assertPath(
        cm0 + ".commitmentAttributes.intervalPeriod.duration",
        c -> ((ObjectNode) table(c).get("intervalPeriod")).put("duration", "PT0S"));
    assertPath(
        cm0 + ".commitmentAttributes.intervals",
        c -> ((ObjectNode) intervals(c).get(0)).put("id", 1));
    assertPath(
        in0 + ".payloads[0].values[0]",
        c -> payload(c, 0).set(0, JsonNodeFactory.instance.numberNode(-1)));
    assertPath(in0 + ".payloads[0].values[0]", c -> payload(c, 0).set(0, text("many")));
    assertPath(in0 + ".payloads[0].values", c -> payload(c, 0).add(2));
    assertPath(in0 + ".payloads[1].values[0]", c -> payload(c, 1).set(0, text(" ")));
    assertPath(in0 + ".payloads", c -> payloads(c).remove(1));
    assertPath(
        cm0 + ".commitmentAttributes.payloadDescriptors[0].payloadType",
        c ->
            ((ObjectNode) table(c).get("payloadDescriptors").get(0))
                .put("payloadType", "PRICE_PER_KWH"));
    assertPath(
        in0 + ".payloads[2].type",
        c -> payloads(c).addObject().put("type", "FINAL_ALLOC").putArray("values").add(1));
  }

  @Test
  void writingRefusesLinesThatCannotBeOneReport() {
    assertThrows(IllegalArgumentException.class, () -> Wave2LedgerReport.write("c", List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Wave2LedgerReport.write(
                "c",
                List.of(
                    line("1", TradeSide.SELLER, TEN_IST, ELEVEN_IST, "1"),
                    line("1", TradeSide.SELLER, TEN_IST, ELEVEN_IST, "2"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Wave2LedgerReport.write(
                "c",
                List.of(
                    line("1", TradeSide.SELLER, TEN_IST, ELEVEN_IST, "1"),
                    line("1", TradeSide.BUYER, ELEVEN_IST, NOON_IST, "2"))));
    assertThrows(
        IllegalArgumentException.class, () -> line("1", TradeSide.BUYER, TEN_IST, TEN_IST, "1"));
    assertThrows(
        IllegalArgumentException.class,
        () -> line("1", TradeSide.BUYER, TEN_IST, ELEVEN_IST, "-0.01"));
  }

  private static void assertPath(String path, Consumer<ObjectNode> edit) {
    ObjectNode json = Wave2LedgerReport.write("contract-7", LINES.subList(0, 2)).toJson();
    edit.accept(json);
    Contract c =
        Wave2Message.of(JsonNodeFactory.instance.objectNode().set("contract", json)).contract();
    TradeCodecException e =
        assertThrows(TradeCodecException.class, () -> Wave2LedgerReport.read(c), path);
    assertEquals(path, e.error().getPaths(), e.getMessage());
  }

  private static ObjectNode commitment(ObjectNode c) {
    return (ObjectNode) c.get("commitments").get(0);
  }

  private static ObjectNode table(ObjectNode c) {
    return (ObjectNode) commitment(c).get("commitmentAttributes");
  }

  private static ArrayNode intervals(ObjectNode c) {
    return (ArrayNode) table(c).get("intervals");
  }

  private static ArrayNode payloads(ObjectNode c) {
    return (ArrayNode) intervals(c).get(0).get("payloads");
  }

  private static ArrayNode payload(ObjectNode c, int i) {
    return (ArrayNode) payloads(c).get(i).get("values");
  }

  private static com.fasterxml.jackson.databind.node.TextNode text(String s) {
    return JsonNodeFactory.instance.textNode(s);
  }

  private static byte[] envelope(ObjectNode contract) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.putObject("context")
        .put("networkId", "indiaenergystack.in/test-ies-p2p-trading-network")
        .put("version", "2.0.0")
        .put("action", "on_status")
        .put("bapId", "seller.platform.example")
        .put("bapUri", "https://seller.platform.example/beckn")
        .put("bppId", "ledger.ies.example")
        .put("bppUri", "https://ledger.ies.example/beckn")
        .put("transactionId", "6f1c1b7e-3f0e-4a55-9d2c-9b1f0d2f4a11")
        .put("messageId", "0b7d2c8e-7a43-4e59-8f39-0d3c5e1b9a22")
        .put("timestamp", "2026-11-27T02:00:00Z");
    root.putObject("message").set("contract", contract);
    return root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
