package org.uei.p2p.network.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;

/**
 * A seller platform genuinely registered in the network, with its own valid key, that the buyer
 * platform never addressed in a transaction, answers that transaction's select and confirm and
 * sends an unsolicited on_status, correctly signed as itself. The bap-node refuses each with a NACK
 * that names the intruder, stores nothing, and logs the reason.
 */
class NeverAddressedCallbackIT {

  private static final String INTRUDER = "bpp.intruder.local";

  @Test
  void callbacksFromARegisteredButUnaddressedSellerAreRefusedLoggedAndNotStored() throws Exception {
    Path dir =
        Path.of("target", "faults-unaddressed-" + System.currentTimeMillis()).toAbsolutePath();
    try (LocalNetwork net = LocalNetwork.start(dir)) {
      KitIdentity intruder = KitIdentity.fresh(INTRUDER);
      intruder.registerLocally(
          net.registryUrl(), "BPP", "http://127.0.0.1:9/beckn", LocalNetwork.DOMAIN);
      TradeFlow flow = new TradeFlow(net);
      String offerId = flow.publishOffer("6.40", 10);
      TradeFlow.Result trade = flow.trade(offerId, 2);
      String txn = trade.transactionId();
      JsonNode before = transaction(net, txn);

      // A cheaper quote and a forged order, each for a line of the real seller's offer.
      OrderLine real = StandInBap.line(net, offerId, new BigDecimal("2.00"));
      OrderLine cheaper =
          new OrderLine(
              real.offerId(),
              real.providerId(),
              real.seller(),
              real.slot(),
              new UnitPrice(new BigDecimal("1.00"), real.price().currency()),
              real.quantityKwh());
      MeterPoint buyer = new MeterPoint("UP-BUYER-0001", "PVVNL");
      Wave1Codec codec = new Wave1Codec();
      TradeOrder quote =
          new TradeOrder(
              null,
              TradeStatus.PENDING,
              LocalNetwork.BAP_ID,
              INTRUDER,
              "buyer-1",
              buyer,
              List.of(cheaper));
      TradeOrder forged =
          new TradeOrder(
              "order-" + UUID.randomUUID(),
              TradeStatus.CONFIRMED,
              LocalNetwork.BAP_ID,
              INTRUDER,
              "buyer-1",
              buyer,
              List.of(cheaper));

      List<Envelope<Message>> attacks =
          List.of(
              new Envelope<>(
                  callback(net, Action.SELECT, txn, requestId(before, "select")),
                  codec.orderMessage(quote)),
              new Envelope<>(
                  callback(net, Action.CONFIRM, txn, requestId(before, "confirm")),
                  codec.orderMessage(forged)),
              // Unsolicited: a new message id in a transaction the intruder has no part in.
              new Envelope<>(
                  callback(net, Action.STATUS, txn, UUID.randomUUID().toString()),
                  codec.orderMessage(forged)));
      for (Envelope<Message> attack : attacks) {
        Context c = attack.getContext();
        byte[] body = Envelopes.write(attack);
        HttpAnswer a =
            new BecknClient(Duration.ofSeconds(30))
                .post(net.bap().url(), c.getAction(), body, intruder.signer().authorization(body))
                .answer();
        assertTrue(
            a.status() == 200 || a.status() == 401,
            c.getAction() + ": " + a.summary() + " " + a.text());
        AckResponse nack =
            a.ack().orElseThrow(() -> new AssertionError(c.getAction() + ": no NACK: " + a.text()));
        assertFalse(nack.isAck(), c.getAction() + " from a seller never addressed was ACKed");
        String reason = nack.error().getMessage();
        assertTrue(
            reason.contains(INTRUDER),
            c.getAction() + ": the reason names the intruder: " + reason);
        Await.until(
            () -> logged(net.bap().log(), c.getMessageId(), reason),
            Duration.ofSeconds(10),
            "a bap-node log line refusing "
                + c.getAction()
                + " "
                + c.getMessageId()
                + " with '"
                + reason
                + "'");
      }

      JsonNode after = transaction(net, txn);
      assertEquals(
          before.get("callbacks").size(),
          after.get("callbacks").size(),
          "no callback stored: " + after);
      assertEquals(before.get("requests"), after.get("requests"), "no request changed state");
      for (JsonNode cb : after.get("callbacks")) {
        assertEquals(LocalNetwork.BPP_ID, cb.get("bppId").asText());
      }
      JsonNode sellerOrder =
          Json.get(net.bpp().url() + "/provider/orders/" + trade.orderId()).expect(200);
      assertEquals("ACTIVE", sellerOrder.get("status").asText(), "the real order is untouched");
    }
  }

  /** The context of the intruder's callback to request {@code messageId} of {@code action}. */
  private static Context callback(LocalNetwork net, Action action, String txn, String messageId) {
    Context request =
        Contexts.newRequest(
            action,
            new Contexts.Parties(
                LocalNetwork.DOMAIN,
                LocalNetwork.BAP_ID,
                net.bap().url(),
                INTRUDER,
                "http://127.0.0.1:9/beckn"),
            txn,
            Duration.ofSeconds(30),
            Clock.systemUTC());
    request.setMessageId(messageId);
    return Contexts.callbackFor(request, Clock.systemUTC());
  }

  private static JsonNode transaction(LocalNetwork net, String txn) throws Exception {
    return Json.get(net.bap().url() + "/client/transactions/" + txn).expect(200);
  }

  private static String requestId(JsonNode txn, String action) {
    for (JsonNode r : txn.get("requests")) {
      if (action.equals(r.get("action").asText())) {
        return r.get("messageId").asText();
      }
    }
    throw new AssertionError("no " + action + " in " + txn);
  }

  private static boolean logged(Path log, String messageId, String reason) {
    try {
      return Files.readAllLines(log).stream()
          .anyMatch(l -> l.contains("refused") && l.contains(messageId) && l.contains(reason));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
