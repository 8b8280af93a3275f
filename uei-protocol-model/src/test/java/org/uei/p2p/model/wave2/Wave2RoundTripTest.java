package org.uei.p2p.model.wave2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.SharedExamples;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;

class Wave2RoundTripTest {

  static final String[] OWN = {
    "wave2/init.json",
    "wave2/on_init.json",
    "wave2/on_status.json",
    "wave2/catalog_publish.json",
    "wave2/discover.json"
  };

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wave2/init.json",
        "wave2/on_init.json",
        "wave2/on_status.json",
        "wave2/catalog_publish.json",
        "wave2/discover.json"
      })
  void ownFixturesComeBackByteForByte(String name) throws Exception {
    assertLossless(name, Fixtures.bytes(name));
  }

  @Test
  void everySharedExampleComesBackByteForByte() throws Exception {
    for (Path f : SharedExamples.WAVE2.all()) {
      assertLossless(SharedExamples.WAVE2.name(f), SharedExamples.bytes(f));
    }
  }

  // Compact form of the input (same members, order and number text) equals what the model writes.
  private static void assertLossless(String name, byte[] in) throws Exception {
    byte[] out = Wave2Envelope.parse(in).write();
    assertArrayEquals(BecknJson.write(BecknJson.readTree(in)), out, name);
    assertArrayEquals(out, Wave2Envelope.parse(out).write(), name + ": second round trip");
  }

  @Test
  void typedViewsReadTheContract() throws Exception {
    Wave2Envelope env = Wave2Envelope.parse(Fixtures.bytes("wave2/init.json"));
    assertEquals(Wave2Action.INIT, env.action().orElseThrow());
    assertEquals("indiaenergystack.in/test-ies-p2p-trading-network", env.context().networkId());
    Contract c = env.message().contract();
    assertEquals("DRAFT", c.statusCode());
    assertEquals("PVVNL", c.contractAttributes().participantIdOf("sellerDiscom").orElseThrow());
    assertEquals(
        "https://ledger.ies.example",
        c.participantInRole("buyerDiscom").orElseThrow().ledgerProvider().ledgerUri());
    assertEquals(
        "TEST_TPDDL_M0042",
        c.participantInRole("buyerPlatform").orElseThrow().energyCustomer().meterId());
    Commitment cm = c.commitments().get(0);
    assertEquals("TEST_PVVNL_M0007", cm.resources().get(0).meterId());
    TimeSeries ts = cm.commitmentAttributes();
    assertEquals("PT1H", ts.intervalPeriod().duration());
    assertEquals(
        new BigDecimal("3.50"),
        ts.intervals().get(1).number(TimeSeries.REQUESTED_QTY).orElseThrow());
    assertEquals(
        new BigDecimal("6.20"),
        ts.intervals().get(0).number(TimeSeries.PRICE_PER_KWH).orElseThrow());
    assertEquals("INR", ts.descriptor(TimeSeries.PRICE_PER_KWH).orElseThrow().currency());
  }

  @Test
  void unknownMembersAndNumberTextSurvive() throws Exception {
    Wave2Envelope env = Wave2Envelope.parse(Fixtures.bytes("wave2/init.json"));
    assertEquals(
        3,
        env.message().contract().commitments().get(0).offer().member("x-sunshare:lot").intValue());
    String out = new String(env.write(), StandardCharsets.UTF_8);
    assertTrue(out.contains("\"values\":[6.20]"), out);
    assertTrue(out.contains("\"unitQuantity\":7.50"), out);
    assertTrue(out.contains("\"x-note\":\"ledger shared with TPDDL\""), out);
  }

  @Test
  void viewsCannotChangeTheMessage() throws Exception {
    Wave2Envelope env = Wave2Envelope.parse(Fixtures.bytes("wave2/init.json"));
    byte[] before = env.write();
    ObjectNode copy = env.message().contract().toJson();
    copy.put("id", "changed");
    ((ObjectNode) env.message().contract().member("contractAttributes")).removeAll();
    assertArrayEquals(before, env.write());
    assertNull(env.message().contract().id());
  }

  @Test
  void wrongJsonTypeIsAnAbsentValueForTheViewNotAParseError() throws Exception {
    byte[] odd =
        Fixtures.edited("wave2/init.json", "/message/contract", o -> o.put("status", "DRAFT"));
    Contract c = Wave2Envelope.parse(odd).message().contract();
    assertNull(c.statusCode());
    assertEquals(com.fasterxml.jackson.databind.node.JsonNodeType.STRING, c.typeOf("status"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e-999999999",
        "1E+999999999",
        "0.0000000000000000001",
        "12345678901234567890",
        "1234567890123456789.5"
      })
  void absurdNumbersAreRefusedWithTheirPathWithoutBeingFormatted(String number) {
    String body =
        new String(Fixtures.bytes("wave2/init.json"), StandardCharsets.UTF_8)
            .replace("\"values\": [3.50]", "\"values\": [" + number + "]");
    MessageParseException e =
        assertThrows(
            MessageParseException.class,
            () -> Wave2Envelope.parse(body.getBytes(StandardCharsets.UTF_8)));
    assertEquals("30000", e.error().getCode());
    assertEquals(
        "message.contract.commitments[0].commitmentAttributes.intervals[1].payloads[1].values[0]",
        e.error().getPaths());
    assertTrue(e.error().getMessage().length() < 200, e.error().getMessage());
    assertFalse(e.isNotJson());
  }

  @Test
  void nulInAStringIsRefusedWithItsPath() {
    byte[] bad =
        Fixtures.edited(
            "wave2/init.json", "/message/contract/commitments/0", o -> o.put("id", "c\u0000"));
    MessageParseException e =
        assertThrows(MessageParseException.class, () -> Wave2Envelope.parse(bad));
    assertEquals("message.contract.commitments[0].id", e.error().getPaths());
  }

  @Test
  void notJsonAndDuplicateKeysAreRefused() {
    MessageParseException e =
        assertThrows(
            MessageParseException.class,
            () -> Wave2Envelope.parse("{\"context\":".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.isNotJson());
    assertThrows(
        MessageParseException.class,
        () ->
            Wave2Envelope.parse(
                "{\"context\":{\"action\":\"init\",\"action\":\"cancel\"}}"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        MessageParseException.class,
        () -> Wave2Envelope.parse("[1]".getBytes(StandardCharsets.UTF_8)));
  }
}
