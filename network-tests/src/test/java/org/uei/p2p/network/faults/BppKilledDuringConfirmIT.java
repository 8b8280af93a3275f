package org.uei.p2p.network.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;

/**
 * {@code kill -9} of the bpp-node while twelve buyers keep confirming against little energy, then a
 * restart on the same data directory.
 *
 * <p>The node stores an inbound message before it ACKs it, handles it afterwards, and at start-up
 * resumes stored messages whose handling a crash cut short; callbacks leave through the outbox and
 * may be sent again after a crash (at least once). So after the restart: every ACKed confirm is
 * answered by on_confirm, with an order or with the energy-taken error; a confirm that got no
 * answer before the kill was either carried out the same way (stored, answer lost) or left no
 * trace; every order an on_confirm announced exists and is ACTIVE, and every order is announced;
 * repeated on_confirms agree; and each offer's energy is counted once.
 */
class BppKilledDuringConfirmIT {

  private static final int OFFERS = 3;
  private static final int OFFER_KWH = 8;
  private static final int BUYERS = 12;
  private static final int MAX_CONFIRMS = 60;
  // Killed once this many confirms were answered, with up to BUYERS more on their way or in
  // handling, and more confirms than energy in total.
  private static final int KILL_AFTER_ANSWERS = 16;
  private static final BigDecimal ONE_KWH = new BigDecimal("1.00");

  private final Wave1Codec codec = new Wave1Codec();

  @Test
  void afterKillAndRestartNoAnnouncedOrderIsLostAndNoEnergyIsCountedTwice() throws Exception {
    Path dir = Path.of("target", "faults-bpp-kill-" + System.currentTimeMillis()).toAbsolutePath();
    // A short outbox lease: callbacks the killed process had claimed are retried soon after the
    // restart.
    try (LocalNetwork net = LocalNetwork.start(dir, Map.of("UEI_OUTBOX_LEASE", "PT3S"), Map.of());
        StandInBap buyer = StandInBap.register(net, "bap.crash-test.local")) {
      buyer.listen();
      TradeFlow flow = new TradeFlow(net);
      List<String> offers = new ArrayList<>();
      List<Message> orders = new ArrayList<>();
      for (int i = 0; i < OFFERS; i++) {
        offers.add(flow.publishOffer("6.00", OFFER_KWH));
        orders.add(buyer.order(offers.get(i), ONE_KWH));
      }

      // Some confirms always on their way, in handling or in the outbox, and more confirms than
      // energy in all.
      List<StandInBap.Sent> sent =
          buyer.sendUntilSellerKilled(
              BUYERS,
              KILL_AFTER_ANSWERS,
              i ->
                  i < MAX_CONFIRMS
                      ? buyer.send(
                          Action.CONFIRM,
                          orders.get(i % orders.size()),
                          null,
                          Duration.ofMinutes(5))
                      : null);
      List<StandInBap.Sent> acked = sent.stream().filter(s -> s.answer().isAck()).toList();
      long unanswered = sent.stream().filter(s -> s.answer().status() == 0).count();
      long unfinished =
          acked.stream().filter(s -> buyer.callbacks(s.messageId()).isEmpty()).count();
      assertTrue(
          unanswered + unfinished > 0,
          "the kill cut work off: confirms without answer or on_confirm");
      for (StandInBap.Sent s : sent) {
        if (!s.answer().isAck() && s.answer().status() != 0) {
          assertEquals(
              "40002",
              s.answer().ack().orElseThrow().error().getCode(),
              "only energy running out is refused at once: " + s.answer().text());
        }
      }
      Set<String> announcedBeforeKill = announcedOrderIds(buyer, sent);

      net.bpp().start(Duration.ofSeconds(90));
      awaitAnswers(buyer, acked);
      Set<String> ours = new HashSet<>();
      sent.forEach(s -> ours.add(s.transactionId()));
      Map<String, JsonNode> orderByTxn =
          Await.value(
              () -> {
                Map<String, JsonNode> byTxn = sellerOrders(net, ours);
                Set<String> announced = announcedOrderIds(buyer, sent);
                return byTxn != null
                        && byTxn.values().stream()
                            .allMatch(o -> announced.contains(o.get("id").asText()))
                    ? byTxn
                    : null;
              },
              Duration.ofSeconds(60),
              "an on_confirm announcing every order the seller holds");
      Set<String> held = new HashSet<>();
      orderByTxn.values().forEach(o -> held.add(o.get("id").asText()));
      assertTrue(
          held.containsAll(announcedBeforeKill),
          "orders announced before the kill and gone after the restart: "
              + announcedBeforeKill.stream().filter(id -> !held.contains(id)).toList());

      int carriedOutUnanswered = 0;
      for (StandInBap.Sent s : sent) {
        if (assertOutcome(buyer, s, orderByTxn.get(s.transactionId())) && !s.answer().isAck()) {
          carriedOutUnanswered++;
        }
      }
      assertEnergyCountedOnce(net, offers, orderByTxn.values());
      for (StandInBap.Sent s : acked) {
        // Messages reach the audit log after their commit; one stored just before the kill is
        // appended by the restarted node.
        JsonNode entries =
            Json.get(net.bpp().url() + "/audit/entries?transaction_id=" + s.transactionId())
                .expect(200)
                .get("entries");
        boolean logged = false;
        for (JsonNode e : entries) {
          logged |=
              "confirm".equals(e.path("action").asText())
                  && "IN".equals(e.path("direction").asText());
        }
        assertTrue(logged, "ACKed confirm " + s.messageId() + " is in the audit log: " + entries);
      }

      net.bpp().stop();
      for (StandInBap.Sent s : acked) {
        assertEquals(
            1,
            NodeDatabase.count(
                dir.resolve("bpp-data"),
                "SELECT COUNT(*) FROM beckn_message WHERE"
                    + " direction = 'IN' AND action = 'confirm' AND message_id = ? AND handled_at IS NOT NULL",
                s.messageId()),
            "ACKed confirm " + s.messageId() + " is stored and handled");
      }
      long answeredConfirms =
          sent.stream().filter(s -> !buyer.callbacks(s.messageId()).isEmpty()).count();
      System.out.printf(
          "%d confirms: %d ACKed (%d without on_confirm at the kill), %d refused at once, %d without"
              + " answer at the kill (%d of them carried out after the restart); %d orders; %d duplicate on_confirms%n",
          sent.size(),
          acked.size(),
          unfinished,
          sent.size() - acked.size() - unanswered,
          unanswered,
          carriedOutUnanswered,
          orderByTxn.size(),
          buyer.received().size() - answeredConfirms);
    }
  }

  private static void awaitAnswers(StandInBap buyer, List<StandInBap.Sent> acked) throws Exception {
    try {
      Await.until(
          () -> acked.stream().allMatch(s -> !buyer.callbacks(s.messageId()).isEmpty()),
          Duration.ofSeconds(60),
          "an on_confirm for every ACKed confirm after the restart");
    } catch (AssertionError e) {
      List<String> never =
          acked.stream()
              .map(StandInBap.Sent::messageId)
              .filter(m -> buyer.callbacks(m).isEmpty())
              .toList();
      throw new AssertionError(
          e.getMessage()
              + ": "
              + never.size()
              + " of "
              + acked.size()
              + " ACKed confirms never answered: "
              + never,
          e);
    }
  }

  /**
   * Checks that what the buyer was told about {@code s} agrees with the seller's {@code order} for
   * its transaction (null: none); returns true when the confirm was answered.
   */
  private boolean assertOutcome(StandInBap buyer, StandInBap.Sent s, JsonNode order) {
    List<Inbound> callbacks = buyer.callbacks(s.messageId());
    if (callbacks.isEmpty()) {
      assertFalse(s.answer().isAck(), "ACKed confirm " + s.messageId() + " has no on_confirm");
      assertNull(order, "an order without on_confirm for confirm " + s.messageId());
      return false;
    }
    assertTrue(
        s.answer().isAck() || s.answer().status() == 0,
        "a confirm refused at once got a callback: " + s.messageId());
    String outcome = outcome(callbacks.get(0));
    for (Inbound cb : callbacks) {
      assertEquals(outcome, outcome(cb), "repeated on_confirms for " + s.messageId() + " disagree");
    }
    if (outcome.startsWith("order ")) {
      assertNotNull(
          order,
          "on_confirm announced "
              + outcome
              + " in "
              + s.transactionId()
              + ", which the restarted seller does not have");
      assertEquals(outcome, "order " + order.get("id").asText());
      assertEquals("ACTIVE", order.get("status").asText());
      assertEquals(0, ONE_KWH.compareTo(order.at("/lines/0/quantityKwh").decimalValue()));
    } else {
      assertEquals("error 40002", outcome);
      assertNull(order, "a refused confirm has an order: " + s.transactionId());
    }
    return true;
  }

  /** For every offer: available ≥ 0 and max − available = the kWh of the orders taking from it. */
  private static void assertEnergyCountedOnce(
      LocalNetwork net, List<String> offers, Collection<JsonNode> orders) throws Exception {
    for (String offerId : offers) {
      JsonNode offer = Json.get(net.bpp().url() + "/provider/offers/" + offerId).expect(200);
      BigDecimal sold = BigDecimal.ZERO;
      for (JsonNode o : orders) {
        for (JsonNode line : o.get("lines")) {
          if (offerId.equals(line.get("offerId").asText())) {
            sold = sold.add(line.get("quantityKwh").decimalValue());
          }
        }
      }
      BigDecimal available = offer.get("availableKwh").decimalValue();
      assertTrue(available.signum() >= 0, offerId + " has " + available + " kWh left");
      assertEquals(
          0,
          offer.get("maxKwh").decimalValue().subtract(available).compareTo(sold),
          offerId
              + ": max "
              + offer.get("maxKwh")
              + " − available "
              + available
              + " ≠ "
              + sold
              + " kWh in orders");
    }
  }

  /** {@code order <id>} or {@code error <code>}: what an on_confirm says happened. */
  private String outcome(Inbound cb) {
    assertEquals("on_confirm", cb.action());
    if (cb.tree().hasNonNull("error")) {
      return "error " + cb.tree().get("error").get("code").asText();
    }
    try {
      return "order " + codec.order(Envelopes.parse(cb.body()).getMessage()).orderId();
    } catch (Exception e) {
      throw new AssertionError("unreadable on_confirm: " + cb.tree(), e);
    }
  }

  private Set<String> announcedOrderIds(StandInBap buyer, List<StandInBap.Sent> sent) {
    Set<String> ids = new HashSet<>();
    for (StandInBap.Sent s : sent) {
      for (Inbound cb : buyer.callbacks(s.messageId())) {
        String o = outcome(cb);
        if (o.startsWith("order ")) {
          ids.add(o.substring("order ".length()));
        }
      }
    }
    return ids;
  }

  /**
   * The seller's orders in the given transactions, by transaction id; null while its API is not up.
   */
  private static Map<String, JsonNode> sellerOrders(LocalNetwork net, Set<String> txns) {
    JsonNode all;
    try {
      all = Json.get(net.bpp().url() + "/provider/orders").expect(200);
    } catch (Exception notUp) {
      return null;
    }
    Map<String, JsonNode> byTxn = new HashMap<>();
    for (JsonNode o : all) {
      if (txns.contains(o.get("transactionId").asText())) {
        assertNull(byTxn.put(o.get("transactionId").asText(), o), "two orders in one transaction");
      }
    }
    return byTxn;
  }
}
