package org.uei.p2p.model.ueiv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.SharedExamples;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.validation.UeiV1Validator;

class UeiV1ValidatorTest {

  // Why the published examples fail, per file (lenient rules). Shared by every example:
  // timestamps without an offset ("2014-10-04T10:00:00") are not RFC 3339 and name no instant;
  // the payment enums are spelt with hyphens (PRE-ORDER, NOT-PAID) where the API says PRE_ORDER,
  // NOT_PAID, and payments lack the id and collected_by the API requires.
  private static final List<String> STOPS_0 =
      List.of(
          "message.order.fulfillments[0].stops[0].time.timestamp: '2014-10-04T10:00:00' is not an RFC 3339 date-time (30000)",
          "message.order.fulfillments[0].stops[1].time.timestamp: '2014-10-04T18:00:00' is not an RFC 3339 date-time (30000)");
  private static final List<String> PAYMENT_HYPHENS =
      List.of(
          "message.order.payments[0].id: is required (30000)",
          "message.order.payments[0].collected_by: is required (30000)",
          "message.order.payments[0].type: 'PRE-ORDER' is not one of [ON_FULFILLMENT, POST_FULFILLMENT, PRE_FULFILLMENT, PRE_ORDER] (30000)",
          "message.order.payments[0].status: 'NOT-PAID' is not one of [NOT_PAID, PAID] (30000)");
  // The fulfillment state is spelt 'Order-Placed' where the API's enum says ORDER_PLACED.
  private static final String ORDER_PLACED =
      "message.order.fulfillments[0].state.descriptor.code: 'Order-Placed' is not one of [CANCELLED, ORDER_COMPLETED, ORDER_PLACED] (30000)";
  private static final List<String> INTENT_RANGE =
      List.of(
          "message.intent.fulfillment.stops[0].time.range.start: '2024-10-04T10:00:00' is not an RFC 3339 date-time (30000)",
          "message.intent.fulfillment.stops[0].time.range.end: '2024-10-04T18:00:00' is not an RFC 3339 date-time (30000)");

  static final Map<String, List<String>> SHARED_PROBLEMS =
      Map.ofEntries(
          Map.entry(
              "confirm.json",
              // confirm pays PRE-ORDER (hyphen) and has no payment id
              List.of(PAYMENT_HYPHENS.get(0), PAYMENT_HYPHENS.get(2))),
          Map.entry("init.json", List.of()),
          Map.entry("on_confirm.json", concat(List.of(ORDER_PLACED), STOPS_0, PAYMENT_HYPHENS)),
          Map.entry("on_init.json", concat(STOPS_0, PAYMENT_HYPHENS)),
          Map.entry(
              "on_rating.json",
              // XInput.required is a boolean; the example sends the string "false"
              List.of(
                  "message.feedback_form.required: must be a boolean (true or false), not a string (30000)")),
          Map.entry(
              "on_search.json",
              List.of(0, 1, 2).stream()
                  .flatMap(
                      i ->
                          List.of(
                              "message.catalog.providers["
                                  + i
                                  + "].fulfillments[0].stops[0].time.timestamp: '2014-10-04T10:00:00' is not an RFC 3339 date-time (30000)",
                              "message.catalog.providers["
                                  + i
                                  + "].fulfillments[0].stops[1].time.timestamp: '2014-10-04T18:00:00' is not an RFC 3339 date-time (30000)")
                              .stream())
                  .toList()),
          Map.entry("on_select.json", STOPS_0),
          Map.entry("on_status.json", concat(List.of(ORDER_PLACED), STOPS_0, PAYMENT_HYPHENS)),
          Map.entry("on_support.json", List.of()),
          Map.entry(
              "rating.json",
              // 'provider' is no 1.1.0 rating category (ORDER, SELLER, SUPPORT, PAYMENT)
              List.of(
                  "message.ratings[0].rating_category: 'provider' is not one of [ORDER, PAYMENT, SELLER, SUPPORT] (30000)")),
          Map.entry("search-1.json", INTENT_RANGE),
          Map.entry("search-2.json", List.of()),
          Map.entry("search-3.json", INTENT_RANGE),
          // No fulfillments: the select names catalog items, which carry the delivery window.
          Map.entry("select.json", List.of()),
          Map.entry("status.json", List.of()),
          Map.entry(
              "support.json",
              // Support requires ref_id; the example sends order_id, which Support does not define
              List.of("message.support.ref_id: is required (30000)")));

  // Strict rules add what every example's context breaks: the city at the top of the context
  // instead of location.city, and no ttl, which the 1.1.0 Context requires.
  private static final List<String> STRICT_CONTEXT =
      List.of(
          "context.location.city.code: is required (30000)",
          "context.ttl: is required (30000)",
          "context.city: is not a member of the Beckn 1.1.0 context (the city goes in location.city) (30000)");

  @ParameterizedTest
  @MethodSource("org.uei.p2p.model.ueiv1.UeiV1RoundTripTest#own")
  void ownFixturesAreValidUnderTheStrictRules(String name) throws Exception {
    UeiV1Envelope env = UeiV1Envelope.parse(Fixtures.bytes(name));
    UeiV1Action action = env.action().orElseThrow();
    assertEquals(List.of(), problems(UeiV1Validator.strict(), env, action), name);
  }

  @Test
  void everySharedExampleHasExactlyTheProblemsListed() throws Exception {
    List<Path> all = SharedExamples.UEI_V1.all();
    if (!all.isEmpty()) {
      assertEquals(SHARED_PROBLEMS.keySet().size(), all.size(), "a new example needs listing");
    }
    for (Path f : all) {
      String name = SharedExamples.UEI_V1.name(f);
      UeiV1Envelope env = UeiV1Envelope.parse(SharedExamples.bytes(f));
      assertEquals(SHARED_PROBLEMS.get(name), problems(UeiV1Validator.lenient(), env, null), name);
      assertEquals(
          concat(STRICT_CONTEXT, SHARED_PROBLEMS.get(name)),
          problems(UeiV1Validator.strict(), env, null),
          name + " (strict)");
    }
  }

  @Test
  void contextRules() throws Exception {
    assertProblems(
        "ueiv1/select.json",
        "/context",
        c -> {
          c.put("domain", "uei:p2p_trading");
          c.remove("bpp_id");
          c.put("bap_uri", "bap.up-pilot.example");
          c.put("timestamp", "2026-03-09 09:16");
          c.put("version", "2.0.0");
        },
        "context.domain: must be 'uei:p2p-trading', not 'uei:p2p_trading' (30000)",
        "context.version: must be '1.1.0', not '2.0.0' (30000)",
        "context.timestamp: '2026-03-09 09:16' is not an RFC 3339 date-time (30000)",
        "context.bap_uri: 'bap.up-pilot.example' is not an absolute http(s) URI (30000)",
        "context.bpp_id: is required (30000)");
    // A search goes to the gateway or to every seller platform: no bpp yet.
    assertProblems("ueiv1/search.json", "/context", c -> c.put("action", "search"));
  }

  @Test
  void strictRulesWantUuidsAndTheEndpointsAction() throws Exception {
    byte[] in =
        Fixtures.edited(
            "ueiv1/init.json",
            "/context",
            c -> {
              c.put("message_id", "m-1");
              c.put("version", "1.0.0");
            });
    UeiV1Envelope env = UeiV1Envelope.parse(in);
    assertEquals(
        List.of(
            "context.action: must be 'confirm' (the endpoint), not 'init' (30000)",
            "context.version: must be '1.1.0', not '1.0.0' (30000)",
            "context.message_id: 'm-1' is not a UUID (30000)",
            // read as a confirm, the init's order lacks the payments a confirm carries
            "message.order.payments: is required (30000)"),
        problems(UeiV1Validator.strict(), env, UeiV1Action.CONFIRM));
    assertEquals(List.of(), problems(UeiV1Validator.lenient(), env, UeiV1Action.INIT));
    assertEquals(
        List.of("context.version: must be a Beckn 1.x version such as 1.1.0, not '2.0.0' (30000)"),
        problems(
            UeiV1Validator.lenient(),
            UeiV1Envelope.parse(
                Fixtures.edited("ueiv1/init.json", "/context", c -> c.put("version", "2.0.0"))),
            null));
  }

  @Test
  void orderRulesOfARequest() throws Exception {
    assertProblems(
        "ueiv1/confirm.json",
        "/message/order",
        o -> {
          ObjectNode item = (ObjectNode) o.get("items").get(0);
          ((ObjectNode) item.at("/quantity/selected/measure")).put("value", "4.255");
          ((ObjectNode) item.at("/quantity/selected/measure")).put("unit", "MWh");
          ((ObjectNode) item.get("price")).put("currency", "USD");
          item.putArray("fulfillment_ids").add("delivery-9");
          ((ObjectNode) o.get("items").get(1).at("/quantity/selected/measure")).put("value", 2);
          o.remove("billing");
          o.remove("payments");
          o.remove("provider");
        },
        "message.order.provider: is required (30000)",
        "message.order.items[0].price.currency: must be 'INR' or 'INR/kWh', not 'USD' (30000)",
        "message.order.items[0].quantity.selected.measure.value: must have at most 2 decimals, not 4.255 (30000)",
        "message.order.items[0].quantity.selected.measure.unit: must be 'kWh', not 'MWh' (30000)",
        "message.order.items[0].fulfillment_ids[0]: 'delivery-9' is not the id of a fulfillment here (30000)",
        "message.order.items[1].quantity.selected.measure.value: must be a string, not a number (30000)",
        "message.order.billing: is required (30000)",
        "message.order.payments: is required (30000)");
    // A select may leave the fulfillments to the seller's on_select; an init may not.
    assertProblems("ueiv1/select.json", "/message/order", o -> o.remove("fulfillments"));
    assertProblems(
        "ueiv1/init.json",
        "/message/order",
        o -> {
          o.remove("fulfillments");
          ((ObjectNode) o.get("items").get(0)).remove("fulfillment_ids");
          ((ObjectNode) o.get("items").get(1)).remove("fulfillment_ids");
        },
        "message.order.fulfillments: is required (30000)");
  }

  @Test
  void orderRulesOfACallback() throws Exception {
    assertProblems(
        "ueiv1/on_confirm.json",
        "/message/order",
        o -> {
          o.remove("id");
          o.put("status", "CONFIRMED");
          ((ObjectNode) o.get("fulfillments").get(1)).remove("state");
          ((ObjectNode) o.at("/quote/price")).put("value", "forty");
          ((ObjectNode) o.get("items").get(0)).remove("price");
        },
        "message.order.id: is required (30000)",
        "message.order.status: 'CONFIRMED' is not one of [ACTIVE, CANCELLED, COMPLETE] (30000)",
        "message.order.fulfillments[1].state: is required (30000)",
        "message.order.items[0].price: is required (30000)",
        "message.order.quote.price.value: 'forty' is not a decimal number written as a string (e.g. \"7.25\") within 18 digits before and after the point (30000)");
    assertProblems(
        "ueiv1/on_init.json",
        "/message/order",
        o -> o.put("id", "up-order-1"),
        "message.order.id: must be absent until the order is confirmed (on_confirm) (30000)");
    assertProblems(
        "ueiv1/on_select.json",
        "/message/order",
        o -> o.remove("quote"),
        "message.order.quote: is required (30000)");

    assertProblems(
        "ueiv1/on_confirm.json",
        "/message/order",
        o -> o.putObject("cancellation").put("cancelled_by", "BUYER"),
        "message.order.cancellation.cancelled_by: 'BUYER' is not one of [CONSUMER, PROVIDER] (30000)",
        "message.order.cancellation.time: is required (30000)");
    UeiV1Envelope onCancel =
        UeiV1Envelope.parse(
            Fixtures.edited(
                "ueiv1/on_confirm.json",
                "",
                root -> {
                  root.withObject("/context").put("action", "on_cancel");
                  root.withObject("/message/order")
                      .put("status", "CANCELLED")
                      .putObject("cancellation")
                      .put("cancelled_by", "CONSUMER")
                      .put("time", "2026-03-09T10:00:01Z");
                }));
    assertEquals(List.of(), problems(UeiV1Validator.strict(), onCancel, UeiV1Action.ON_CANCEL));
    assertProblems(
        "ueiv1/on_confirm.json",
        "/context",
        c -> c.put("action", "on_cancel"),
        "message.order.cancellation: is required (30000)");
  }

  @Test
  void aCallbackMayCarryAnErrorInsteadOfAMessage() throws Exception {
    byte[] in =
        Fixtures.edited(
            "ueiv1/on_select.json",
            "",
            root -> {
              root.remove("message");
              root.putObject("error").put("code", "40002").put("message", "sold out");
            });
    assertEquals(List.of(), problems(UeiV1Validator.strict(), UeiV1Envelope.parse(in), null));
    byte[] request = Fixtures.without("ueiv1/select.json", "", "message");
    assertEquals(
        List.of("message: is required (30000)"),
        problems(UeiV1Validator.strict(), UeiV1Envelope.parse(request), null));
  }

  @Test
  void otherActions() throws Exception {
    assertProblems(
        "ueiv1/on_search.json",
        "/message/catalog/providers/0/items/1",
        it -> {
          it.remove("quantity");
          ((ObjectNode) it.at("/time/range")).put("end", "2026-03-09T05:00:00Z");
        },
        "message.catalog.providers[0].items[1].quantity: is required (30000)",
        "message.catalog.providers[0].items[1].time.range.end: must be after start (2026-03-09T05:30:00Z) (30000)");
    assertProblems(
        "ueiv1/status.json",
        "/message",
        m -> m.remove("order_id"),
        "message.order_id: is required (30000)");
    assertProblems(
        "ueiv1/on_support.json",
        "/message/support",
        s -> {
          s.remove("email");
          s.remove("url");
          s.put("callback_phone", "call us");
        },
        "message.support.callback_phone: 'call us' is not a phone number in E.164 digits (e.g. +919876543210) (30000)",
        "message.support.phone: one of phone, email or url is required (30000)");
    assertProblems(
        "ueiv1/rating.json",
        "/message",
        m -> m.putArray("ratings"),
        "message.ratings: must not be empty (30000)");
  }

  @Test
  void anUnknownActionIsNamed() throws Exception {
    UeiV1Envelope env =
        UeiV1Envelope.parse(
            Fixtures.edited("ueiv1/status.json", "/context", c -> c.put("action", "track")));
    List<String> p = problems(UeiV1Validator.lenient(), env, null);
    assertTrue(p.contains("context.action: 'track' is not a UEI v1 action (30000)"), p.toString());
  }

  private static void assertProblems(
      String fixture, String at, Consumer<ObjectNode> edit, String... expected) throws Exception {
    UeiV1Envelope env = UeiV1Envelope.parse(Fixtures.edited(fixture, at, edit));
    assertEquals(List.of(expected), problems(UeiV1Validator.strict(), env, null), fixture);
  }

  private static List<String> problems(UeiV1Validator v, UeiV1Envelope env, UeiV1Action endpoint) {
    return v.validate(env, endpoint).errors().stream().map(BecknError::toString).toList();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new java.util.ArrayList<>();
    for (List<String> l : lists) {
      all.addAll(l);
    }
    return List.copyOf(all);
  }
}
