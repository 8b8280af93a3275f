package org.uei.p2p.conformance.bap;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;

/**
 * The kit's seller platform: one offer of its own, correct signed callbacks for discover, select,
 * init, confirm and status. Requests with a bad signature get 401; the rest are ACKed and answered.
 */
final class FakeSeller {

  private final Wave1Codec codec = new Wave1Codec();
  private final KitIdentity identity;
  private final String bppUri;
  private final BecknClient client;
  private final EnergyOffer offer;
  private final Map<String, TradeOrder> confirmed = new ConcurrentHashMap<>();
  private final Map<String, TradeOrder> byConfirmMessage = new ConcurrentHashMap<>();
  private final Map<String, BecknClient.Sent> callbacks = new ConcurrentHashMap<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "conformance-seller");
            t.setDaemon(true);
            return t;
          });

  FakeSeller(KitIdentity identity, String bppUri, ZoneId zone) {
    this.identity = identity;
    this.bppUri = bppUri;
    this.client = new BecknClient(Duration.ofSeconds(15));
    this.offer =
        BapConformance.kitOffer(
            "conformance-prosumer", new MeterPoint("DL-CONFORMANCE-SELLER-01", "TPDDL"), zone);
  }

  EnergyOffer offer() {
    return offer;
  }

  /** The order the kit confirmed for the confirm with {@code messageId}, or null. */
  TradeOrder confirmedBy(String messageId) {
    return byConfirmMessage.get(messageId);
  }

  /** The kit's own signer identity. */
  KitIdentity identity() {
    return identity;
  }

  /** The callbacks the kit sent, by the request message_id they answer. */
  Map<String, BecknClient.Sent> callbacks() {
    return callbacks;
  }

  BecknListener.Reply respond(BecknListener listener, Inbound m) {
    if (!m.signature().valid()) {
      return listener.unauthorized(m.signature());
    }
    Action action = Action.fromWireName(m.action()).orElse(null);
    if (action == null || action.isCallback() || m.tree() == null) {
      return BecknListener.nack(
          400,
          "30000",
          "not a request this seller serves: " + m.action(),
          "context.action",
          Map.of());
    }
    Envelope<? extends Message> request;
    try {
      request = Envelopes.parse(m.body(), action);
    } catch (Exception e) {
      return BecknListener.nack(400, "30000", e.getMessage(), "message", Map.of());
    }
    sender.execute(() -> answer(action, request));
    return BecknListener.ack();
  }

  private void answer(Action action, Envelope<? extends Message> request) {
    Context rc = request.getContext();
    Message reply;
    try {
      reply =
          switch (action) {
            case DISCOVER ->
                codec.catalogMessage(
                    new CatalogHeader(
                        "conformance-catalog",
                        "Conformance kit catalog",
                        identity.subscriberId(),
                        bppUri),
                    List.of(offer));
            case SELECT, INIT -> codec.orderMessage(codec.order(request.getMessage()));
            case CONFIRM -> {
              TradeOrder o = codec.order(request.getMessage());
              TradeOrder c =
                  o.withOrderId("conformance-order-" + UUID.randomUUID())
                      .withStatus(TradeStatus.CONFIRMED);
              confirmed.put(c.orderId(), c);
              byConfirmMessage.put(rc.getMessageId(), c);
              yield codec.orderMessage(c);
            }
            case STATUS -> {
              String id =
                  ((org.uei.p2p.model.envelope.OrderMessage) request.getMessage())
                      .getOrder()
                      .getId();
              TradeOrder c = confirmed.get(id);
              yield c == null ? null : codec.orderMessage(c);
            }
            default -> null;
          };
    } catch (Exception e) {
      return;
    }
    if (reply == null) {
      return;
    }
    byte[] body =
        Envelopes.write(new Envelope<>(Contexts.callbackFor(rc, Clock.systemUTC()), reply));
    callbacks.put(
        rc.getMessageId(),
        client.post(
            rc.getBapUri(),
            "on_" + action.wireName(),
            body,
            identity.signer().authorization(body)));
  }

  void close() {
    sender.shutdownNow();
  }
}
