package org.uei.p2p.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uei.p2p.model.energy.EnergyCustomer;
import org.uei.p2p.model.energy.EnergyOrderItem;
import org.uei.p2p.model.energy.EnergyResource;
import org.uei.p2p.model.energy.EnergyTradeDelivery;
import org.uei.p2p.model.energy.EnergyTradeOffer;
import org.uei.p2p.model.energy.EnergyTradeOrder;
import org.uei.p2p.model.energy.PaymentSettlement;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.CatalogMessage;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.JsonDiff;
import org.uei.p2p.model.wave1.Attributes;
import org.uei.p2p.model.wave1.Offer;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.model.wave1.OrderItem;

class RoundTripTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select.json",
        "on_discover.json",
        "confirm.json",
        "on_status.json",
        "discover.json"
      })
  void parseThenSerializeIsJsonEqualAndStable(String name) throws Exception {
    byte[] in = Fixtures.bytes(name);
    byte[] out = Envelopes.write(Envelopes.parse(in));
    Optional<JsonDiff.Difference> diff =
        JsonDiff.firstDifference(BecknJson.readTree(in), BecknJson.readTree(out));
    assertTrue(diff.isEmpty(), () -> name + " changed at " + diff.get());
    assertArrayEquals(
        out, Envelopes.write(Envelopes.parse(out)), "second round trip must give the same bytes");
  }

  @Test
  void selectIsReadIntoTypedObjectsAndPacks() throws Exception {
    Envelope<OrderMessage> env =
        Envelopes.parse(Fixtures.bytes("select.json"), Action.SELECT, OrderMessage.class);
    assertEquals("select", env.getContext().getAction());
    assertEquals("ies.example/p2p-interdiscom-test", env.getContext().getNetworkId());
    Order order = env.getMessage().getOrder();
    assertEquals(Order.TYPE, order.getType());
    EnergyCustomer buyer =
        assertInstanceOf(EnergyCustomer.class, order.getBuyer().getBuyerAttributes());
    assertEquals("TEST_TPDDL_M0042", buyer.getMeterId());
    assertEquals(new BigDecimal("7.5"), buyer.getSanctionedLoad());
    EnergyTradeOrder eto = assertInstanceOf(EnergyTradeOrder.class, order.getOrderAttributes());
    assertEquals(new BigDecimal("12.50"), eto.totalQuantity().orElseThrow().getUnitQuantity());
    OrderItem first = order.getOrderItems().get(0);
    assertEquals(new BigDecimal("8.0"), first.getQuantity().getUnitQuantity());
    EnergyOrderItem eoi = assertInstanceOf(EnergyOrderItem.class, first.getOrderItemAttributes());
    assertEquals(
        "PVVNL",
        assertInstanceOf(EnergyCustomer.class, eoi.getProviderAttributes()).getUtilityId());
    Offer offer = first.getAcceptedOffer();
    assertEquals(new BigDecimal("6.25"), offer.getPrice().getPrice());
    EnergyTradeOffer pack = offer.getOfferAttributes().as(EnergyTradeOffer.class).orElseThrow();
    assertEquals("PER_KWH", pack.getPricingModel());
    assertEquals("2026-02-11T05:00:00Z", pack.getDeliveryWindow().startInstant().toString());
  }

  @Test
  void unknownMembersStayWhereTheyWere() throws Exception {
    Envelope<OrderMessage> env =
        Envelopes.parse(Fixtures.bytes("select.json"), Action.SELECT, OrderMessage.class);
    Order order = env.getMessage().getOrder();
    assertEquals(TextNode.valueOf("basket-7781"), order.extra("x-sunshare:basketRef"));
    EnergyTradeOffer second =
        (EnergyTradeOffer) order.getOrderItems().get(1).getAcceptedOffer().getOfferAttributes();
    assertEquals("rooftop", second.extra("x-sunshare:carbonTag").get("source").asText());
    JsonNode out = BecknJson.readTree(Envelopes.write(env));
    assertEquals("basket-7781", out.at("/message/order/x-sunshare:basketRef").asText());
    assertEquals(
        "0.0",
        out.at(
                "/message/order/beckn:orderItems/1/beckn:acceptedOffer/beckn:offerAttributes/x-sunshare:carbonTag/gco2PerKwh")
            .toString());
  }

  @Test
  void numbersKeepTheirWrittenScale() throws Exception {
    String out =
        new String(
            Envelopes.write(Envelopes.parse(Fixtures.bytes("select.json"))),
            StandardCharsets.UTF_8);
    assertTrue(out.contains("\"unitQuantity\":12.50"), out);
    assertTrue(out.contains("\"unitQuantity\":8.0"), out);
    assertTrue(out.contains("\"schema:price\":7,"), out);
  }

  @Test
  void packsAreChosenByTypeAndUnknownPacksStayGeneric() throws Exception {
    CatalogMessage m =
        (CatalogMessage) Envelopes.parse(Fixtures.bytes("on_discover.json")).getMessage();
    assertInstanceOf(
        EnergyResource.class, m.getCatalogs().get(0).getItems().get(0).getItemAttributes());
    byte[] other =
        Fixtures.edited(
            "on_discover.json",
            "/message/catalogs/0/beckn:items/0/beckn:itemAttributes",
            o -> o.put("@type", "EvChargingPoint"));
    CatalogMessage m2 = (CatalogMessage) Envelopes.parse(other).getMessage();
    Attributes generic = m2.getCatalogs().get(0).getItems().get(0).getItemAttributes();
    assertEquals(Attributes.class, generic.getClass());
    assertEquals("SOLAR", generic.extra("sourceType").asText());
    assertTrue(
        JsonDiff.equal(
            BecknJson.readTree(other),
            BecknJson.readTree(Envelopes.write(Envelopes.parse(other)))));
  }

  @Test
  void deliveryAndSettlementPacksAreTyped() throws Exception {
    Order status =
        ((OrderMessage) Envelopes.parse(Fixtures.bytes("on_status.json")).getMessage()).getOrder();
    EnergyOrderItem eoi = (EnergyOrderItem) status.getOrderItems().get(0).getOrderItemAttributes();
    EnergyTradeDelivery d =
        assertInstanceOf(EnergyTradeDelivery.class, eoi.getFulfillmentAttributes());
    assertEquals(2, d.getMeterReadings().size());
    assertEquals(new BigDecimal("3.20"), d.getMeterReadings().get(1).getAllocatedEnergy());
    assertEquals("ACTUAL", d.getMeterReadings().get(1).extra("x-mdms:quality").asText());
    Order confirm =
        ((OrderMessage) Envelopes.parse(Fixtures.bytes("confirm.json")).getMessage()).getOrder();
    PaymentSettlement ps =
        assertInstanceOf(PaymentSettlement.class, confirm.getPayment().getPaymentAttributes());
    assertEquals("HDFC0001234", ps.getSettlementAccounts().get(0).getIfscCode());
    EnergyTradeOrder eto = (EnergyTradeOrder) confirm.getOrderAttributes();
    assertTrue(
        eto.getTotalQuantityJson().isNumber(), "a bare-number total_quantity stays a number");
    assertEquals(new BigDecimal("8.0"), eto.totalQuantity().orElseThrow().getUnitQuantity());
  }

  @Test
  void discoverKeepsLocationAndFilters() throws Exception {
    Envelope<DiscoverMessage> env =
        Envelopes.parse(Fixtures.bytes("discover.json"), Action.DISCOVER, DiscoverMessage.class);
    assertEquals("DEL", env.getContext().getLocation().getCity().getCode());
    assertEquals(1, env.getContext().getSchemaContext().size());
    assertEquals("jsonpath", env.getMessage().getFilters().getType());
    assertNull(env.getContext().getBppId());
  }

  @Test
  void wrongJsonTypeIsAParseErrorWithPath() {
    byte[] bad =
        Fixtures.edited(
            "select.json",
            "/message/order/beckn:orderItems/0",
            o -> o.put("beckn:quantity", "8 kWh"));
    MessageParseException e =
        assertThrows(MessageParseException.class, () -> Envelopes.parse(bad, Action.SELECT));
    assertFalse(e.isNotJson());
    assertEquals("30000", e.error().getCode());
    assertEquals("message.order.beckn:orderItems[0].beckn:quantity", e.error().getPaths());
  }

  @Test
  void nulCharacterInATypedStringIsAParseErrorWithPath() {
    byte[] bad =
        Fixtures.edited(
            "select.json",
            "/message/order/beckn:orderItems/0",
            o -> o.put("beckn:orderedItem", "item\u0000' OR 1=1"));
    MessageParseException e =
        assertThrows(MessageParseException.class, () -> Envelopes.parse(bad, Action.SELECT));
    assertEquals("30000", e.error().getCode());
    assertEquals("message.order.beckn:orderItems[0].beckn:orderedItem", e.error().getPaths());
    assertTrue(e.error().getMessage().contains("U+0000"), e.error().getMessage());
  }

  @Test
  void quotedNumberIsNotCoerced() {
    byte[] bad =
        Fixtures.edited(
            "select.json",
            "/message/order/beckn:orderItems/0/beckn:quantity",
            o -> o.put("unitQuantity", "8"));
    MessageParseException e =
        assertThrows(MessageParseException.class, () -> Envelopes.parse(bad, Action.SELECT));
    assertEquals(
        "message.order.beckn:orderItems[0].beckn:quantity.unitQuantity", e.error().getPaths());
  }

  @Test
  void notJsonAndDuplicateKeysAreRejected() {
    MessageParseException e =
        assertThrows(
            MessageParseException.class,
            () -> Envelopes.parse("{\"context\": {".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.isNotJson());
    MessageParseException dup =
        assertThrows(
            MessageParseException.class,
            () ->
                Envelopes.parse(
                    "{\"context\":{\"action\":\"status\",\"action\":\"cancel\"}}"
                        .getBytes(StandardCharsets.UTF_8)));
    assertTrue(dup.error().getMessage().contains("Duplicate"), dup.error().getMessage());
  }

  @Test
  void messageClassMustMatchTheAction() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Envelopes.parse(Fixtures.bytes("select.json"), Action.SELECT, CatalogMessage.class));
  }
}
