package org.uei.p2p.network.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;

/**
 * Traces across two node processes: bap-node and bpp-node export over OTLP/HTTP to a collector in
 * this test, one trade runs through the buyer app's client API, and the confirm call's trace holds
 * the spans of both processes: the BAP's client call and signed send, the BPP's server span and
 * inbound phases as children of that send, its handling and the callback's delivery from the
 * outbox, and the BAP receiving it. The trade succeeding shows that the signatures still verify
 * with {@code traceparent} on the requests. Both nodes log JSON, with the message's ids and the
 * trace id on the lines of its life.
 */
class TracedTradeIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static OtlpCollector collector;
  private static LocalNetwork net;

  @BeforeAll
  static void start() throws Exception {
    collector = OtlpCollector.start();
    Map<String, String> otel =
        Map.of(
            "QUARKUS_OTEL_SDK_DISABLED", "false",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
            "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
            "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT0.1S",
            "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
    net =
        LocalNetwork.start(
            Path.of("target", "network-traced-" + System.currentTimeMillis()).toAbsolutePath(),
            otel,
            otel);
  }

  @AfterAll
  static void stop() throws Exception {
    if (net != null) {
      net.close();
    }
    if (collector != null) {
      collector.close();
    }
  }

  private static List<OtlpCollector.Span> trace(String traceId) {
    return collector.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  private static Optional<OtlpCollector.Span> find(
      String traceId, String service, String name, String action) {
    return trace(traceId).stream()
        .filter(s -> s.service().equals(service) && s.name().equals(name))
        .filter(s -> action == null || action.equals(s.attribute("beckn.action")))
        .findFirst();
  }

  private static OtlpCollector.Span await(
      String traceId, String service, String name, String action) throws Exception {
    return Await.value(
        () -> find(traceId, service, name, action).orElse(null),
        WAIT,
        service + " span " + name + " of " + action);
  }

  @Test
  void oneTradesSpansFromBothNodesShareOneTrace() throws Exception {
    TradeFlow flow = new TradeFlow(net);
    String offerId = flow.publishOffer("6.40", 10);
    TradeFlow.Result trade = flow.trade(offerId, 3);
    JsonNode order = trade.confirm().at("/callbacks/0/summary/order");
    assertEquals("CONFIRMED", order.get("status").asText(), "signed requests still verify");

    // The BPP's handling of the confirm names the transaction; its trace is the confirm call's.
    OtlpCollector.Span bppHandle =
        Await.value(
            () ->
                collector.spans().stream()
                    .filter(s -> s.service().equals("bpp-node"))
                    .filter(s -> s.name().equals("uei.inbound.handle"))
                    .filter(s -> "confirm".equals(s.attribute("beckn.action")))
                    .filter(s -> trade.transactionId().equals(s.attribute("beckn.transaction_id")))
                    .findFirst()
                    .orElse(null),
            WAIT,
            "the bpp-node's handle span of confirm");
    String traceId = bppHandle.traceId();

    // Starts at the buyer app's client API call: the trace's root is the bap-node's server span.
    OtlpCollector.Span send = await(traceId, "bap-node", "POST confirm", null);
    assertEquals(OtlpCollector.Span.CLIENT, send.kind());
    // The client call's server span ends last and is exported in a later batch: wait for it.
    OtlpCollector.Span clientCall =
        Await.value(
            () ->
                trace(traceId).stream()
                    .filter(s -> s.spanId().equals(send.parentSpanId()))
                    .findFirst()
                    .orElse(null),
            WAIT,
            "the send's parent span in trace " + traceId);
    assertEquals("bap-node", clientCall.service());
    assertEquals(OtlpCollector.Span.SERVER, clientCall.kind());
    assertTrue(clientCall.parentSpanId().isEmpty(), "the client call starts the trace");

    // The BPP's inbound spans are children of the BAP's signed send, in the same trace.
    OtlpCollector.Span bppServer =
        Await.value(
            () ->
                trace(traceId).stream()
                    .filter(
                        s ->
                            s.service().equals("bpp-node") && s.kind() == OtlpCollector.Span.SERVER)
                    .findFirst()
                    .orElse(null),
            WAIT,
            "the bpp-node's server span in trace " + traceId);
    assertEquals(send.spanId(), bppServer.parentSpanId());
    assertEquals(trade.transactionId(), bppServer.attribute("beckn.transaction_id"));
    for (String phase :
        List.of("uei.inbound.verify", "uei.inbound.validate", "uei.inbound.store")) {
      Await.until(
          () ->
              trace(traceId).stream()
                  .anyMatch(
                      p ->
                          p.service().equals("bpp-node")
                              && p.name().equals(phase)
                              && p.parentSpanId().equals(bppServer.spanId())),
          WAIT,
          "the bpp-node's " + phase + " span under its server span");
    }
    assertEquals(
        trade.transactionId(),
        await(traceId, "bpp-node", "uei.inbound.store", "confirm")
            .attribute("beckn.transaction_id"));
    assertEquals(bppServer.spanId(), bppHandle.parentSpanId());

    // The callback: queued by the handler, delivered from the outbox, received by the BAP.
    OtlpCollector.Span deliver = await(traceId, "bpp-node", "uei.outbox.deliver", "on_confirm");
    assertEquals(bppHandle.spanId(), deliver.parentSpanId());
    OtlpCollector.Span callback = await(traceId, "bpp-node", "POST on_confirm", null);
    assertEquals(deliver.spanId(), callback.parentSpanId());
    OtlpCollector.Span bapReceives = await(traceId, "bap-node", "uei.inbound.handle", "on_confirm");
    OtlpCollector.Span bapServer =
        Await.value(
            () ->
                trace(traceId).stream()
                    .filter(s -> s.spanId().equals(bapReceives.parentSpanId()))
                    .findFirst()
                    .orElse(null),
            WAIT,
            "the bap-node's server span of on_confirm");
    assertEquals(callback.spanId(), bapServer.parentSpanId());

    Set<String> services =
        trace(traceId).stream().map(OtlpCollector.Span::service).collect(Collectors.toSet());
    assertEquals(Set.of("bap-node", "bpp-node"), services);
    assertTrue(collector.problems().isEmpty(), collector.problems().toString());

    // JSON logs: a callback that cannot be delivered (the buyer platform is down) is logged with
    // its message's ids and the trace of the call that queued it.
    net.bap().stop();
    String messageId =
        Json.post(
                net.bpp().url() + "/provider/orders/" + trade.orderId() + "/notify",
                Map.of("action", "on_status"))
            .expect(200)
            .get("message_id")
            .asText();
    JsonNode line =
        Await.value(
            () ->
                jsonLines(net.bpp().log()).stream()
                    .filter(l -> l.path("message").asText().contains(messageId + " to "))
                    .findFirst()
                    .orElse(null),
            WAIT,
            "a JSON log line about the failed delivery of " + messageId);
    JsonNode mdc = line.get("mdc");
    assertEquals(trade.transactionId(), mdc.path("transactionId").asText(), line.toString());
    assertEquals(messageId, mdc.path("messageId").asText(), line.toString());
    assertEquals("on_status", mdc.path("action").asText(), line.toString());
    String notifyTrace = mdc.path("traceId").asText();
    assertTrue(notifyTrace.matches("[0-9a-f]{32}"), line.toString());
    await(notifyTrace, "bpp-node", "uei.outbox.deliver", "on_status");
  }

  private static List<JsonNode> jsonLines(Path log) throws java.io.IOException {
    return Files.readAllLines(log).stream()
        .filter(l -> l.startsWith("{"))
        .map(TracedTradeIT::json)
        .toList();
  }

  private static JsonNode json(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
