package org.uei.p2p.network.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;
import org.uei.p2p.signing.VerificationResult;

/**
 * Callback receivers down for a minute while the seller answers them: the bap-node itself (stopped,
 * with unsolicited on_status and on_update queued for it) and a stand-in buyer platform (port
 * closed, with on_select, on_init and on_confirm queued for it). When each is back on its port, the
 * seller's outbox delivers every callback and holds nothing more; the bap-node stores each once,
 * and the stand-in, which does not de-duplicate, gets each once unless an attempt went unanswered
 * within the seller's request timeout (the outbox then sends again: at least once).
 */
class ReceiverDownIT {

  private static final Duration DOWN = Duration.ofSeconds(60);

  @Test
  void everyCallbackQueuedWhileItsReceiverWasDownIsDeliveredOnceAfterItReturns() throws Exception {
    Path dir =
        Path.of("target", "faults-receiver-down-" + System.currentTimeMillis()).toAbsolutePath();
    try (LocalNetwork net = LocalNetwork.start(dir);
        StandInBap standIn = StandInBap.register(net, "bap.stand-in.local")) {
      TradeFlow flow = new TradeFlow(net);
      List<TradeFlow.Result> trades =
          List.of(
              flow.trade(flow.publishOffer("6.40", 10), 2),
              flow.trade(flow.publishOffer("6.10", 10), 3));
      String offer = flow.publishOffer("5.90", 10);

      net.bap().stop();
      Instant down = Instant.now();
      Map<String, String> toBap = new LinkedHashMap<>();
      for (TradeFlow.Result t : trades) {
        for (String action : List.of("on_status", "on_update")) {
          JsonNode queued =
              Json.post(
                      net.bpp().url() + "/provider/orders/" + t.orderId() + "/notify",
                      Map.of("action", action))
                  .expect(200);
          toBap.put(queued.get("message_id").asText(), t.transactionId());
        }
      }
      // Request message id → the callback that answers it; callbacks echo the request's message id.
      Map<String, String> toStandIn = new LinkedHashMap<>();
      for (int txn = 0; txn < 2; txn++) {
        String transactionId = null;
        for (Action a : List.of(Action.SELECT, Action.INIT, Action.CONFIRM)) {
          // The ttl outlasts the outage, so these callbacks are still answers a buyer would accept.
          StandInBap.Sent sent =
              standIn.send(
                  a,
                  standIn.order(offer, new BigDecimal("1.50")),
                  transactionId,
                  Duration.ofMinutes(5));
          assertTrue(
              sent.answer().isAck(),
              a + ": " + sent.answer().summary() + " " + sent.answer().text());
          transactionId = sent.transactionId();
          toStandIn.put(sent.messageId(), "on_" + a.wireName());
        }
      }
      List<String> queued = new ArrayList<>(toBap.keySet());
      queued.addAll(toStandIn.keySet());
      Await.until(
          () ->
              queued.stream()
                  .allMatch(m -> logMentions(net.bpp().log(), m + " to ", ": attempt 2 failed")),
          Duration.ofSeconds(30),
          "two failed delivery attempts of every queued callback in the bpp-node log");

      // The outage is the scenario: both receivers stay unreachable for a whole minute.
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), down.plus(DOWN)).toMillis()));
      assertTrue(standIn.received().isEmpty(), "nothing reached the closed port");
      Instant back = Instant.now();
      standIn.listen();
      net.bap().start(Duration.ofSeconds(90));

      Await.until(
          () -> toStandIn.keySet().stream().allMatch(m -> !standIn.callbacks(m).isEmpty()),
          Duration.ofSeconds(30),
          "every on_select, on_init and on_confirm at the stand-in buyer platform");
      for (Map.Entry<String, String> e : toBap.entrySet()) {
        Await.until(
            () -> bapCallbacks(net, e.getValue(), e.getKey()) > 0,
            Duration.ofSeconds(30),
            "the queued " + e.getKey() + " stored by the restarted bap-node");
      }

      // Stopping the seller lets us read its outbox; a row still pending could deliver again later.
      net.bpp().stop();
      Path bppData = dir.resolve("bpp-data");
      assertEquals(
          0,
          NodeDatabase.count(
              bppData, "SELECT COUNT(*) FROM callback_outbox WHERE status = 'PENDING'"),
          "the outbox has drained");
      for (String m : queued) {
        assertDeliveredAfter(bppData, net.bpp().log(), m, back);
      }
      for (Map.Entry<String, String> e : toStandIn.entrySet()) {
        List<Inbound> got = standIn.callbacks(e.getKey());
        assertTrue(
            got.size() == 1 || resentAfterNoAnswer(net.bpp().log(), e.getKey()),
            "one delivery answering " + e.getKey() + ", unless an attempt went unanswered: " + got);
        for (Inbound cb : got) {
          assertEquals(e.getValue(), cb.action());
          assertEquals(
              VerificationResult.Status.VALID, cb.signature().status(), cb.signature().toString());
          assertFalse(
              cb.tree().hasNonNull("error"),
              cb.action() + " carries an error: " + cb.tree().get("error"));
          if ("on_confirm".equals(cb.action())) {
            assertEquals(
                TradeStatus.CONFIRMED,
                new Wave1Codec().order(Envelopes.parse(cb.body()).getMessage()).status());
          }
        }
      }
      assertTrue(
          standIn.received().stream()
              .allMatch(cb -> toStandIn.containsKey(cb.context("message_id"))),
          "no other callback reached the stand-in");
      for (Map.Entry<String, String> e : toBap.entrySet()) {
        assertEquals(
            1,
            bapCallbacks(net, e.getValue(), e.getKey()),
            "the bap-node stored " + e.getKey() + " once");
      }
    }
  }

  /**
   * One outbox row for {@code m}, retried all through the outage and delivered after {@code back}.
   * The outbox sends at least once: an attempt that got no answer in time may have reached the
   * receiver, so the retry can meet its replay guard (409), which ends the row as REFUSED although
   * the receiver has the callback; that is accepted only after such an unanswered attempt.
   */
  private static void assertDeliveredAfter(Path bppData, Path bppLog, String m, Instant back)
      throws SQLException {
    List<Map<String, Object>> rows =
        NodeDatabase.query(
            bppData,
            "SELECT status, attempts, delivered_at, last_error FROM callback_outbox WHERE message_id = ?",
            m);
    assertEquals(1, rows.size(), "one outbox row for " + m + ": " + rows);
    Map<String, Object> row = rows.get(0);
    int attempts = ((Number) row.get("attempts")).intValue();
    assertTrue(
        attempts >= 20, m + " was retried throughout the outage, not " + attempts + " times");
    if ("DELIVERED".equals(row.get("status"))) {
      Instant delivered = NodeDatabase.instant(row.get("delivered_at"));
      assertFalse(
          delivered.isBefore(back),
          m + " delivered at " + delivered + ", before the receiver was back at " + back);
    } else {
      String error = String.valueOf(row.get("last_error"));
      assertTrue(
          "REFUSED".equals(row.get("status"))
              && error.contains("HTTP 409")
              && error.contains("already received")
              && resentAfterNoAnswer(bppLog, m),
          m + " not delivered: " + row);
    }
  }

  /**
   * True when the seller logged an attempt to send {@code m} that ended without an answer in time.
   */
  private static boolean resentAfterNoAnswer(Path bppLog, String m) {
    return logMentions(bppLog, m + " to ", "failed (no answer from ");
  }

  private static long bapCallbacks(LocalNetwork net, String txn, String messageId) {
    try {
      JsonNode t = Json.get(net.bap().url() + "/client/transactions/" + txn).expect(200);
      long n = 0;
      for (JsonNode c : t.get("callbacks")) {
        if (messageId.equals(c.get("messageId").asText())) {
          n++;
        }
      }
      return n;
    } catch (Exception notYet) {
      return 0;
    }
  }

  private static boolean logMentions(Path log, String first, String then) {
    try {
      return Files.readAllLines(log).stream().anyMatch(l -> l.contains(first) && l.contains(then));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
