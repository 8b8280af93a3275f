package org.uei.p2p.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.validation.EnvelopeValidator;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave1Validator;

class ValidatorTest {

  private static final String ITEM0 = "/message/order/beckn:orderItems/0";
  private static final String OFFER0 = ITEM0 + "/beckn:acceptedOffer";
  private static final String ITEM0_PATH = "message.order.beckn:orderItems[0]";

  private static List<String> problems(byte[] body, Action endpoint, boolean strict)
      throws Exception {
    Wave1Validator v = strict ? Wave1Validator.strict() : Wave1Validator.lenient();
    return v.validate(Envelopes.parse(body), endpoint).errors().stream()
        .map(BecknError::toString)
        .toList();
  }

  private static List<String> lenient(byte[] body) throws Exception {
    return problems(body, null, false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select.json",
        "on_discover.json",
        "confirm.json",
        "on_status.json",
        "discover.json"
      })
  void fixturesAreValidEvenInStrictMode(String name) throws Exception {
    assertEquals(List.of(), problems(Fixtures.bytes(name), null, true));
  }

  @Test
  void negativeQuantity() throws Exception {
    byte[] b =
        Fixtures.edited(
            "select.json",
            ITEM0 + "/beckn:quantity",
            o -> o.put("unitQuantity", new BigDecimal("-2")));
    assertEquals(
        List.of(
            ITEM0_PATH + ".beckn:quantity.unitQuantity: must be greater than 0, not -2 (30000)"),
        lenient(b));
  }

  @Test
  void quantityWithThreeDecimals() throws Exception {
    byte[] b =
        Fixtures.edited(
            "select.json",
            ITEM0 + "/beckn:quantity",
            o -> o.set("unitQuantity", DecimalNode.valueOf(new BigDecimal("1.125"))));
    assertEquals(
        List.of(
            ITEM0_PATH
                + ".beckn:quantity.unitQuantity: must have at most 2 decimals, not 1.125 (30000)"),
        lenient(b));
  }

  @Test
  void trailingZerosDoNotCountAsDecimals() throws Exception {
    byte[] b =
        Fixtures.edited(
            "select.json",
            ITEM0 + "/beckn:quantity",
            o -> o.set("unitQuantity", DecimalNode.valueOf(new BigDecimal("1.5000"))));
    assertEquals(List.of(), lenient(b));
  }

  @Test
  void quantityUnitMustBeKwh() throws Exception {
    byte[] b =
        Fixtures.edited("select.json", ITEM0 + "/beckn:quantity", o -> o.put("unitText", "MWh"));
    assertEquals(
        List.of(ITEM0_PATH + ".beckn:quantity.unitText: must be 'kWh', not 'MWh' (30000)"),
        lenient(b));
  }

  @Test
  void missingQuantity() throws Exception {
    byte[] b = Fixtures.without("select.json", ITEM0, "beckn:quantity");
    assertEquals(List.of(ITEM0_PATH + ".beckn:quantity: is required (30000)"), lenient(b));
  }

  @Test
  void priceCurrencyMustBeInr() throws Exception {
    byte[] b =
        Fixtures.edited(
            "select.json", OFFER0 + "/beckn:price", o -> o.put("schema:priceCurrency", "USD"));
    assertEquals(
        List.of(
            ITEM0_PATH
                + ".beckn:acceptedOffer.beckn:price.schema:priceCurrency: must be 'INR', not 'USD' (30000)"),
        lenient(b));
  }

  @Test
  void pricingModelMustBeASchemaEnum() throws Exception {
    byte[] b =
        Fixtures.edited(
            "select.json",
            OFFER0 + "/beckn:offerAttributes",
            o -> o.put("pricingModel", "PER_MWH"));
    assertEquals(
        List.of(
            ITEM0_PATH
                + ".beckn:acceptedOffer.beckn:offerAttributes.pricingModel: "
                + "'PER_MWH' is not one of [FIXED, PER_KWH, SUBSCRIPTION, TIME_OF_DAY] (30000)"),
        lenient(b));
  }

  @Test
  void deliveryWindowMustBeRfc3339AndOrdered() throws Exception {
    String w = OFFER0 + "/beckn:offerAttributes/deliveryWindow";
    String p = ITEM0_PATH + ".beckn:acceptedOffer.beckn:offerAttributes.deliveryWindow";
    byte[] badTime =
        Fixtures.edited("select.json", w, o -> o.put("schema:startTime", "2026-02-11 05:00"));
    assertEquals(
        List.of(p + ".schema:startTime: '2026-02-11 05:00' is not an RFC 3339 date-time (30000)"),
        lenient(badTime));
    byte[] reversed =
        Fixtures.edited("select.json", w, o -> o.put("schema:endTime", "2026-02-11T04:00:00Z"));
    assertEquals(
        List.of(
            p + ".schema:endTime: must be after schema:startTime (2026-02-11T05:00:00Z) (30000)"),
        lenient(reversed));
  }

  @Test
  void missingOrder() throws Exception {
    byte[] b = Fixtures.without("select.json", "/message", "order");
    assertEquals(List.of("message.order: is required (30000)"), lenient(b));
  }

  @Test
  void emptyOrderItemsAndMissingBuyer() throws Exception {
    byte[] b =
        Fixtures.edited(
            "select.json",
            "/message/order",
            o -> {
              o.putArray("beckn:orderItems");
              o.remove("beckn:buyer");
            });
    assertEquals(
        List.of(
            "message.order.beckn:buyer: is required (30000)",
            "message.order.beckn:orderItems: must not be empty (30000)"),
        lenient(b));
  }

  @Test
  void orderStatusEnum() throws Exception {
    byte[] b =
        Fixtures.edited("select.json", "/message/order", o -> o.put("beckn:orderStatus", "NEW"));
    assertEquals(1, lenient(b).size());
    assertTrue(
        lenient(b).get(0).startsWith("message.order.beckn:orderStatus: 'NEW' is not one of"));
  }

  @Test
  void providerMeterIsRequired() throws Exception {
    byte[] b =
        Fixtures.without(
            "select.json", ITEM0 + "/beckn:orderItemAttributes/providerAttributes", "meterId");
    assertEquals(
        List.of(
            ITEM0_PATH
                + ".beckn:orderItemAttributes.providerAttributes.meterId: is required (30000)"),
        lenient(b));
  }

  @Test
  void meterReadingRules() throws Exception {
    String r =
        "/message/order/beckn:orderItems/0/beckn:orderItemAttributes/fulfillmentAttributes/meterReadings/1";
    String p = ITEM0_PATH + ".beckn:orderItemAttributes.fulfillmentAttributes.meterReadings[1]";
    byte[] b =
        Fixtures.edited(
            "on_status.json",
            r,
            o -> {
              o.put("unit", "kwh");
              o.remove("allocatedEnergy");
              o.put("producedEnergy", new BigDecimal("-1"));
            });
    assertEquals(
        List.of(
            p + ".producedEnergy: must not be negative, not -1 (30000)",
            p + ".allocatedEnergy: is required (30000)",
            p + ".unit: 'kwh' is not one of [MWh, Wh, kWh] (30000)"),
        lenient(b));
  }

  @Test
  void deliveryStatusEnum() throws Exception {
    byte[] b =
        Fixtures.edited(
            "on_status.json",
            "/message/order/beckn:orderItems/0/beckn:orderItemAttributes/fulfillmentAttributes",
            o -> o.put("deliveryStatus", "DONE"));
    assertEquals(
        List.of(
            ITEM0_PATH
                + ".beckn:orderItemAttributes.fulfillmentAttributes.deliveryStatus: "
                + "'DONE' is not one of [COMPLETED, FAILED, IN_PROGRESS, PENDING] (30000)"),
        lenient(b));
  }

  @Test
  void callbackOrderNeedsId() throws Exception {
    byte[] b = Fixtures.without("on_status.json", "/message/order", "beckn:id");
    assertEquals(List.of("message.order.beckn:id: is required (30000)"), lenient(b));
  }

  @Test
  void paymentRules() throws Exception {
    byte[] b =
        Fixtures.edited(
            "confirm.json",
            "/message/order/beckn:payment",
            o -> {
              o.put("beckn:paymentStatus", "PAID");
              o.putArray("beckn:acceptedPaymentMethod").add("CHEQUE");
              ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("beckn:amount"))
                  .put("currency", "EUR");
            });
    List<String> got = lenient(b);
    assertEquals(3, got.size(), got.toString());
    assertTrue(
        got.get(0)
            .startsWith("message.order.beckn:payment.beckn:paymentStatus: 'PAID' is not one of"));
    assertEquals(
        "message.order.beckn:payment.beckn:amount.currency: must be 'INR', not 'EUR' (30000)",
        got.get(1));
    assertTrue(
        got.get(2)
            .startsWith("message.order.beckn:payment.beckn:acceptedPaymentMethod[0]: 'CHEQUE'"));
  }

  @Test
  void catalogOfferRules() throws Exception {
    String offer = "/message/catalogs/0/beckn:offers/1";
    byte[] b =
        Fixtures.edited(
            "on_discover.json",
            offer,
            o -> {
              o.remove("beckn:id");
              ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("beckn:price"))
                  .put("schema:price", new BigDecimal("-0.5"));
            });
    assertEquals(
        List.of(
            "message.catalogs[0].beckn:offers[1].beckn:id: is required (30000)",
            "message.catalogs[0].beckn:offers[1].beckn:price.schema:price: must not be negative, not -0.5 (30000)"),
        lenient(b));
    byte[] src =
        Fixtures.edited(
            "on_discover.json",
            "/message/catalogs/0/beckn:items/1/beckn:itemAttributes",
            o -> o.put("sourceType", "COAL"));
    assertEquals(
        List.of(
            "message.catalogs[0].beckn:items[1].beckn:itemAttributes.sourceType: "
                + "'COAL' is not one of [BATTERY, GRID, HYBRID, RENEWABLE, SOLAR] (30000)"),
        lenient(src));
  }

  @Test
  void discoverNeedsAFilterOrTextSearch() throws Exception {
    byte[] b = Fixtures.without("discover.json", "/message", "filters");
    assertEquals(
        List.of("message.filters: is required (or message.text_search) (30000)"), lenient(b));
    byte[] xpath =
        Fixtures.edited("discover.json", "/message/filters", o -> o.put("type", "xpath"));
    assertEquals(
        List.of("message.filters.type: must be 'jsonpath', not 'xpath' (30000)"), lenient(xpath));
  }

  @Test
  void contextFormats() throws Exception {
    byte[] b =
        Fixtures.edited(
            "select.json",
            "/context",
            o -> {
              o.put("timestamp", "10/02/2026 05:30");
              o.put("ttl", "30s");
              o.remove("bpp_uri");
              o.put("bap_uri", "bap.sunshare.example");
            });
    assertEquals(
        List.of(
            "context.timestamp: '10/02/2026 05:30' is not an RFC 3339 date-time (30000)",
            "context.bap_uri: 'bap.sunshare.example' is not an absolute http(s) URI (30000)",
            "context.bpp_uri: is required (30000)",
            "context.ttl: '30s' is not an ISO-8601 duration (30000)"),
        lenient(b));
  }

  @Test
  void isoDurationsWithDaysWeeksAndFractionsAreAccepted() throws Exception {
    for (String ttl : new String[] {"P1D", "PT0.5S", "P1W", "P1DT2H30M", "PT10M"}) {
      byte[] b = Fixtures.edited("select.json", "/context", o -> o.put("ttl", ttl));
      assertEquals(List.of(), lenient(b), ttl);
    }
    for (String ttl : new String[] {"P", "PT", "PT1H2", "-PT1S"}) {
      byte[] b = Fixtures.edited("select.json", "/context", o -> o.put("ttl", ttl));
      assertEquals(1, lenient(b).size(), ttl);
    }
  }

  @Test
  void strictModeRequiresUuidsVersionAndTheEndpointAction() throws Exception {
    byte[] b =
        Fixtures.edited(
            "select.json",
            "/context",
            o -> {
              o.put("message_id", "msg-select-001");
              o.put("transaction_id", "txn-energy-001");
              o.put("version", "1.1.0");
            });
    assertEquals(
        List.of(), problems(b, Action.SELECT, false), "lenient mode accepts the example habits");
    assertEquals(
        List.of(
            "context.version: must be '2.0.0', not '1.1.0' (30000)",
            "context.message_id: 'msg-select-001' is not a UUID (30000)",
            "context.transaction_id: 'txn-energy-001' is not a UUID (30000)"),
        problems(b, Action.SELECT, true));
    assertEquals(
        List.of("context.action: must be 'init' (the endpoint), not 'select' (30000)"),
        problems(Fixtures.bytes("select.json"), Action.INIT, true));
  }

  @Test
  void unknownActionIsReported() throws Exception {
    byte[] b = Fixtures.edited("select.json", "/context", o -> o.put("action", "choose"));
    assertEquals(List.of("context.action: 'choose' is not a known action (30000)"), lenient(b));
  }

  @Test
  void noneAcceptsAnythingAndResultsBecomeNacks() throws Exception {
    byte[] b = Fixtures.without("select.json", "/message", "order");
    assertTrue(EnvelopeValidator.NONE.validate(Envelopes.parse(b), Action.SELECT).isValid());
    ValidationResult r = Wave1Validator.lenient().validate(Envelopes.parse(b), Action.SELECT);
    assertFalse(r.isValid());
    AckResponse nack = r.toAck();
    assertFalse(nack.isAck());
    assertEquals("30000", nack.error().getCode());
    assertEquals("message.order", nack.error().getPaths());
  }
}
