package org.uei.p2p.conformance.bpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.Outcome;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;

/** How the UEI v1 cases judge a refusal's shape and a callback's context. */
class UeiV1CallbacksTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "message.order.items[0].quantity.selected.measure.value";
  private static final Exchange EV = new Exchange("select", "sent", "received");

  private static HttpAnswer answer(int status, String body) {
    return new HttpAnswer(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), null);
  }

  private static String nack(String code, String paths) {
    return "{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\""
        + code
        + "\",\"message\":\"bad\",\"paths\":\""
        + paths
        + "\"}}";
  }

  private static CaseResult judge(HttpAnswer a) {
    return UeiV1Callbacks.nack(UeiV1BppCases.INVALID_MESSAGE, a, 400, PATH, EV);
  }

  @Test
  void aNackNamingACodeAndThePathPassesWithOrWithoutTheRoot() {
    assertEquals(Outcome.PASSED, judge(answer(400, nack("30000", PATH))).outcome());
    assertEquals(Outcome.PASSED, judge(answer(400, nack("30000", "$." + PATH))).outcome());
  }

  @Test
  void anAckAnotherStatusAnotherCodeOrAnotherPathFails() {
    CaseResult ack = judge(answer(200, "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}"));
    assertEquals("expected HTTP 400 with a NACK, got HTTP 200 ACK", ack.reason());
    assertEquals(Outcome.FAILED, judge(answer(200, nack("30000", PATH))).outcome());
    assertEquals(
        "the NACK names no BECKN-005 code (3xxxx, 4xxxx, 5xxxx): E42",
        judge(answer(400, nack("E42", PATH))).reason());
    assertEquals(
        "the NACK names the path 'message.order', not '" + PATH + "'",
        judge(answer(400, nack("30000", "message.order"))).reason());
  }

  @Test
  void aCallbackMustEchoTheRequestContext() throws Exception {
    ObjectNode request =
        UeiV1Contexts.newRequest(
            UeiV1Action.SELECT,
            new UeiV1Contexts.Parties("kit", "http://kit", "bpp", "http://bpp", "IND", "std:0522"),
            null,
            null,
            Clock.systemUTC());
    ObjectNode echoed =
        UeiV1Contexts.callbackFor(
            UeiV1Envelope.fromTree(envelope(request)).context(),
            "bpp",
            "http://bpp",
            Clock.systemUTC());
    assertEquals(Optional.empty(), UeiV1Callbacks.notEchoed(request, callback(echoed)));
    ObjectNode moved = echoed.deepCopy();
    ((ObjectNode) moved.get("location")).putObject("city").put("code", "std:011");
    assertEquals(
        Optional.of(
            "location {\"country\":{\"code\":\"IND\"},\"city\":{\"code\":\"std:011\"}}"
                + " (sent {\"country\":{\"code\":\"IND\"},\"city\":{\"code\":\"std:0522\"}})"),
        UeiV1Callbacks.notEchoed(request, callback(moved)));
    ObjectNode wrongAction = echoed.deepCopy().put("action", "on_init");
    assertEquals(
        Optional.of("action 'on_init' (expected 'on_select')"),
        UeiV1Callbacks.notEchoed(request, callback(wrongAction)));
    assertEquals(UeiV1Context.DOMAIN, echoed.get("domain").asText());
  }

  private static ObjectNode envelope(ObjectNode context) {
    ObjectNode root = JSON.createObjectNode();
    root.set("context", context);
    root.putObject("message");
    return root;
  }

  private static Inbound callback(ObjectNode context) {
    ObjectNode root = envelope(context);
    return new Inbound(
        "on_select",
        root.toString().getBytes(StandardCharsets.UTF_8),
        Map.of(),
        Instant.now(),
        root,
        null,
        "ACK");
  }
}
