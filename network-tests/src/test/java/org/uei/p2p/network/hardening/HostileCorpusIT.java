package org.uei.p2p.network.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.Cli;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;
import org.uei.p2p.network.faults.StandInBap;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Fires the hostile corpus ({@link HostileCorpus}, {@link TrustBoundaryCases}) at a packaged
 * bpp-node process, each content case signed by a registered buyer platform, and holds the node to
 * it: no answer of 500 or more but 503 back-pressure, every answer a NACK with a code and a text
 * free of Java names, nothing stored (the audit log does not grow), the log still verifies with
 * {@code uei audit verify}, and the node then trades normally.
 */
class HostileCorpusIT {

  private static final Pattern LEAK =
      Pattern.compile(
          "org\\.uei|java\\.|javax\\.|com\\.fasterxml|io\\.quarkus|"
              + "io\\.vertx|Feature|`|Source:|REDACTED|Exception|JsonToken");
  private static final BigDecimal OFFER_KWH = new BigDecimal("10");
  private static final String OFFER_PRICE = "6.10";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * The error codes a family may be refused with, where the family says which rule must refuse it.
   */
  private static final Map<String, List<String>> EXPECTED_CODES =
      Map.of(
          "price/", List.of("40003", "30000"),
          "quantity/", List.of("40002", "30000"),
          "number/", List.of("30000"),
          "encoding/", List.of("30000"),
          "callback-url/", List.of("30000"));

  @Test
  void everyHostileRequestIsRefusedCleanlyNothingIsStoredAndTheNodeStillTrades() throws Exception {
    Path dir = Path.of("target", "hostile-corpus-" + System.currentTimeMillis()).toAbsolutePath();
    try (LocalNetwork net = LocalNetwork.start(dir);
        StandInBap buyer = StandInBap.register(net, "bap.hostile-corpus.local");
        StandInBap intruder = StandInBap.register(net, "bap.intruder.local")) {
      buyer.listen();
      TradeFlow flow = new TradeFlow(net);
      String offerId = flow.publishOffer(OFFER_PRICE, OFFER_KWH.intValue());
      byte[] valid =
          buyer.body(
              Action.SELECT,
              buyer.order(offerId, new BigDecimal("2")),
              null,
              Duration.ofSeconds(30));

      // The template is accepted and answered, so the refusals below are about the mutations.
      HttpResponse<String> template =
          send(
              new HostileCase(
                  "template", "POST", "/select", valid, HostileCase.Signing.BUYER, Map.of()),
              buyer,
              intruder,
              net);
      assertEquals(200, template.statusCode(), template.body());
      assertEquals(
          "ACK",
          Json.MAPPER.readTree(template.body()).at("/message/ack/status").asText(),
          template.body());
      String templateId = Json.MAPPER.readTree(valid).at("/context/message_id").asText();
      Await.until(
          () -> !buyer.callbacks(templateId).isEmpty(),
          Duration.ofSeconds(30),
          "on_select of the template");
      long stored =
          Await.value(
              () -> {
                long size = treeSize(net);
                return size >= 2 ? size : null;
              },
              Duration.ofSeconds(30),
              "the template's select and on_select in the audit log");

      HostileCorpus corpus = new HostileCorpus(valid, 1_048_576);
      List<HostileCase> cases = new ArrayList<>(corpus.all());
      cases.addAll(
          new TrustBoundaryCases(
                  corpus, valid, net.bap().url(), OFFER_KWH, new BigDecimal(OFFER_PRICE))
              .all());
      assertTrue(cases.size() >= 300, "corpus has " + cases.size() + " cases");

      Map<String, String> failures = new LinkedHashMap<>();
      for (HostileCase c : cases) {
        String problem;
        try {
          problem = judge(c, send(c, buyer, intruder, net));
        } catch (java.io.IOException e) {
          problem = "no HTTP answer: " + e;
        }
        if (problem != null) {
          failures.put(c.name(), problem);
        }
      }
      StringBuilder report = new StringBuilder();
      failures.forEach((name, why) -> report.append("\n  ").append(name).append(": ").append(why));
      assertEquals(
          0,
          failures.size(),
          failures.size() + " of " + cases.size() + " not refused cleanly:" + report);
      assertEquals(stored, treeSize(net), "nothing was stored for any hostile request");

      Cli verify =
          Cli.run(
              "audit",
              "verify",
              "--node",
              net.bpp().url(),
              "--registry",
              net.registryUrl(),
              "--subscriber-id",
              LocalNetwork.BPP_ID);
      assertEquals(0, verify.exit(), verify.out() + verify.err());

      TradeFlow.Result trade = flow.trade(flow.publishOffer("5.90", 5), 2);
      assertTrue(
          trade.orderId() != null && !trade.orderId().isBlank(),
          "the node trades after the corpus");
      String log = Files.readString(net.bpp().log());
      for (String fatal :
          List.of("OutOfMemoryError", "ArithmeticException", "StackOverflowError")) {
        assertFalse(log.contains(fatal), "bpp-node log mentions " + fatal);
      }
    }
  }

  /** Null when the answer is a clean refusal, otherwise what is wrong with it. */
  private static String judge(HostileCase c, HttpResponse<String> r) {
    int status = r.statusCode();
    if (status >= 500 && status != 503) {
      return "HTTP " + status + " " + cut(r.body());
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(r.body());
    } catch (Exception e) {
      return "HTTP " + status + " with a body that is not JSON: " + cut(r.body());
    }
    if (body == null || !"NACK".equals(body.at("/message/ack/status").asText())) {
      return "HTTP " + status + " answered " + cut(r.body());
    }
    String code = body.at("/error/code").asText("");
    String message = body.at("/error/message").asText("");
    if (code.isBlank()) {
      return "HTTP " + status + " NACK without an error code: " + cut(r.body());
    }
    if (LEAK.matcher(message).find()) {
      return "the refusal leaks internals: " + cut(message);
    }
    for (Map.Entry<String, List<String>> e : EXPECTED_CODES.entrySet()) {
      if (c.name().startsWith(e.getKey()) && !e.getValue().contains(code)) {
        return "refused with " + code + " (" + cut(message) + "), expected one of " + e.getValue();
      }
    }
    return null;
  }

  private static HttpResponse<String> send(
      HostileCase c, StandInBap buyer, StandInBap intruder, LocalNetwork net) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(net.bpp().url() + c.path()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(c.method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
    String authorization =
        switch (c.signing()) {
          case BUYER -> buyer.signer().authorization(c.body());
          case NONE -> null;
          case INTRUDER -> intruder.signer().authorization(c.body());
          case UNREGISTERED_KEY ->
              BecknSigner.of(buyer.id(), "k-unknown", Ed25519KeyPair.generate())
                  .authorization(c.body());
          case EXPIRED -> {
            long created = Instant.now().minusSeconds(7200).getEpochSecond();
            yield buyer.signer().authorization(c.body(), created, created + 3600);
          }
          case OTHER_BYTES ->
              buyer.signer().authorization("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    c.headers().forEach(r::header);
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long treeSize(LocalNetwork net) throws Exception {
    return Json.get(net.bpp().url() + "/audit/sth").expect(200).get("tree_size").asLong();
  }

  private static String cut(String s) {
    return s == null ? "null" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
