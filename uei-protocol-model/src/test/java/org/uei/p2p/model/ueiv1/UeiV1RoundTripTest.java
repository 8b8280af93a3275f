package org.uei.p2p.model.ueiv1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.SharedExamples;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;

class UeiV1RoundTripTest {

  static final List<String> OWN =
      List.of(
          "search",
          "on_search",
          "select",
          "on_select",
          "init",
          "on_init",
          "confirm",
          "on_confirm",
          "status",
          "on_status",
          "cancel",
          "rating",
          "on_rating",
          "support",
          "on_support");

  static List<String> own() {
    return OWN.stream().map(n -> "ueiv1/" + n + ".json").toList();
  }

  @ParameterizedTest
  @MethodSource("own")
  void ownFixturesComeBackByteForByte(String name) throws Exception {
    assertLossless(name, Fixtures.bytes(name));
  }

  @Test
  void everySharedExampleComesBackByteForByte() throws Exception {
    List<Path> all = SharedExamples.UEI_V1.all();
    for (Path f : all) {
      assertLossless(SharedExamples.UEI_V1.name(f), SharedExamples.bytes(f));
    }
  }

  // Compact form of the input (same members, order and number text) equals what the model writes.
  private static void assertLossless(String name, byte[] in) throws Exception {
    byte[] out = UeiV1Envelope.parse(in).write();
    assertArrayEquals(BecknJson.write(BecknJson.readTree(in)), out, name);
    assertArrayEquals(out, UeiV1Envelope.parse(out).write(), name + ": second round trip");
  }

  @Test
  void typedViewsReadTheOrder() throws Exception {
    UeiV1Envelope env = UeiV1Envelope.parse(Fixtures.bytes("ueiv1/on_confirm.json"));
    assertEquals(UeiV1Action.ON_CONFIRM, env.action().orElseThrow());
    UeiV1Context c = env.context();
    assertEquals("uei:p2p-trading", c.domain());
    assertEquals("std:0522", c.cityCode());
    assertEquals("IND", c.countryCode());
    assertEquals("bpp.up-pilot.example", c.bppId());
    assertEquals("PT30S", c.ttl());
    Order o = env.message().order();
    assertEquals("up-order-000417", o.id());
    assertEquals("ACTIVE", o.status());
    assertEquals("prosumer-m0101", o.providerId());
    Item first = o.items().get(0);
    assertEquals(new BigDecimal("4.25"), first.selectedQuantity());
    assertEquals(new BigDecimal("6.50"), first.priceValue());
    assertEquals("INR/kWh", first.priceCurrency());
    assertEquals("TEST_MVVNL_M0101", first.tag("energy-trade", "seller-meter").orElseThrow());
    Fulfillment f = o.fulfillment(first.fulfillmentIds().get(0)).orElseThrow();
    assertEquals("ORDER_PLACED", f.stateCode());
    assertEquals("2026-03-10T05:30:00Z", f.stop("start").orElseThrow().timestamp());
    assertEquals(new BigDecimal("40.13"), o.quoteValue());
    assertEquals("POST_FULFILLMENT", o.payments().get(0).type());
    assertEquals(new BigDecimal("40.13"), o.payments().get(0).amount());
    assertEquals("message.order.items[1]", o.items().get(1).path());
  }

  @Test
  void typedViewsReadTheOtherMessages() throws Exception {
    UeiV1Message search = UeiV1Envelope.parse(Fixtures.bytes("ueiv1/search.json")).message();
    assertEquals("solar-energy", search.intent().categoryCode());
    assertEquals(new BigDecimal("5"), search.intent().item().selectedQuantity());
    UeiV1Message cat = UeiV1Envelope.parse(Fixtures.bytes("ueiv1/on_search.json")).message();
    Catalog.Provider p = cat.catalog().providers().get(0);
    assertEquals("prosumer-m0101", p.id());
    assertEquals(new BigDecimal("6.5"), p.items().get(1).availableQuantity());
    assertEquals("2026-03-09T05:30:00Z", p.items().get(0).timeRangeStart());
    assertEquals(
        "up-order-000417",
        UeiV1Envelope.parse(Fixtures.bytes("ueiv1/status.json")).message().orderId());
    UeiV1Message rating = UeiV1Envelope.parse(Fixtures.bytes("ueiv1/rating.json")).message();
    assertEquals("SELLER", rating.ratings().get(0).ratingCategory());
    UeiV1Message support = UeiV1Envelope.parse(Fixtures.bytes("ueiv1/on_support.json")).message();
    assertEquals("care@bpp.up-pilot.example", support.support().email());
    assertEquals(
        "https://bpp.up-pilot.example/feedback",
        UeiV1Envelope.parse(Fixtures.bytes("ueiv1/on_rating.json")).message().feedbackFormUrl());
  }

  @Test
  void aValueOfTheWrongShapeReadsAsAbsentAndStaysOnTheWire() throws Exception {
    byte[] in =
        Fixtures.edited(
            "ueiv1/select.json",
            "/message/order/items/0",
            o -> {
              o.putObject("price").put("value", 6.5).put("currency", "INR");
              o.put("fulfillment_ids", "delivery-1");
            });
    UeiV1Envelope env = UeiV1Envelope.parse(in);
    Item it = env.message().order().items().get(0);
    assertNull(it.priceValue(), "a JSON number is not a 1.1.0 DecimalValue");
    assertTrue(it.fulfillmentIds().isEmpty());
    assertArrayEquals(in, env.write());
  }

  @Test
  void decimalValuesBeyondTheBoundsReadAsAbsent() {
    assertEquals(new BigDecimal("7.25"), UeiV1Object.decimalOf("7.25"));
    assertEquals(new BigDecimal("0.5"), UeiV1Object.decimalOf(".5"));
    assertNull(UeiV1Object.decimalOf("1e3"));
    assertNull(UeiV1Object.decimalOf("7,25"));
    assertNull(UeiV1Object.decimalOf("1".repeat(19)));
    assertNull(UeiV1Object.decimalOf("0." + "1".repeat(19)));
    assertNull(UeiV1Object.decimalOf("9".repeat(10_000)));
  }

  @Test
  void aBodyThatIsNotOneObjectIsRefusedWithAPath() {
    MessageParseException dup =
        assertThrows(
            MessageParseException.class,
            () -> UeiV1Envelope.parse(utf8("{\"context\":{},\"context\":{}}")));
    assertEquals("30000", dup.error().getCode());
    MessageParseException nul =
        assertThrows(
            MessageParseException.class,
            () -> UeiV1Envelope.parse(utf8("{\"context\":{\"bap_id\":\"a\\u0000b\"}}")));
    assertEquals("context.bap_id", nul.error().getPaths());
    assertThrows(MessageParseException.class, () -> UeiV1Envelope.parse(utf8("[1]")));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
