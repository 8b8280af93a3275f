package org.uei.p2p.conformance.bap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;

/**
 * The kit's seller platform on UEI v1 (Beckn 1.1.0): one offer, and signed callbacks for search,
 * select and init (priced from its catalog, whatever the request says), confirm (the order ACTIVE
 * with an id) and status. Requests with a bad signature get 401; every callback's answer is kept
 * for the ACK case, and orders it cannot read are noted for the report.
 */
final class UeiV1FakeSeller {

  /** A callback the kit sent, with the BAP's answer. */
  record Callback(String action, BecknClient.Sent sent) {}

  private final KitIdentity identity;
  private final String bppUri;
  private final BecknListener listener;
  private final UeiV1Codec codec = new UeiV1Codec();
  private final BecknClient client = new BecknClient(Duration.ofSeconds(15));
  private final EnergyOffer offer;
  private final List<Callback> callbacks = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, TradeOrder> confirmed = new ConcurrentHashMap<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "conformance-ueiv1-seller");
            t.setDaemon(true);
            return t;
          });

  UeiV1FakeSeller(KitIdentity identity, String bppUri, ZoneId zone, BecknListener listener) {
    this.identity = identity;
    this.bppUri = bppUri;
    this.listener = listener;
    offer =
        BapConformance.kitOffer(
            identity.subscriberId(), new MeterPoint("UP-CONFORMANCE-SELLER-01", "PVVNL"), zone);
  }

  EnergyOffer offer() {
    return offer;
  }

  /** Answers one request: 401 for a bad signature, else ACK and the callback on its way. */
  BecknListener.Reply respond(Inbound m) {
    if (!m.signature().valid()) {
      return listener.unauthorized(m.signature());
    }
    UeiV1Envelope env;
    try {
      env = UeiV1Envelope.parse(m.body());
    } catch (MessageParseException e) {
      return BecknListener.nack(
          400, e.error().getCode(), e.error().getMessage(), e.error().getPaths(), Map.of());
    }
    if (env.context() == null || env.context().bapUri() == null) {
      return BecknListener.nack(
          400, "30000", "context.bap_uri is required", "context.bap_uri", Map.of());
    }
    sender.submit(() -> answer(env, m.action()));
    return BecknListener.ack();
  }

  private void answer(UeiV1Envelope request, String action) {
    UeiV1Message message;
    String txn = request.context().transactionId();
    try {
      message =
          switch (action) {
            case "search" ->
                codec.catalogMessage(
                    new CatalogHeader(
                        "conformance-catalog",
                        "Conformance kit energy",
                        identity.subscriberId(),
                        bppUri),
                    List.of(offer));
            case "select", "init" -> codec.orderMessage(priced(request, TradeStatus.PENDING));
            case "confirm" -> {
              TradeOrder o =
                  priced(request, TradeStatus.CONFIRMED).withOrderId("conformance-order-" + txn);
              confirmed.put(txn, o);
              yield codec.orderMessage(o);
            }
            case "status" -> {
              TradeOrder o = confirmed.get(txn);
              if (o == null) {
                throw new TradeCodecException(
                    "message.order_id", "no confirmed order in this transaction");
              }
              yield codec.orderMessage(o);
            }
            default -> null;
          };
    } catch (TradeCodecException | RuntimeException e) {
      synchronized (problems) {
        problems.add(action + ": the kit cannot read the order (" + e.getMessage() + ")");
      }
      return;
    }
    if (message == null) {
      return;
    }
    var context =
        UeiV1Contexts.callbackFor(
            request.context(), identity.subscriberId(), bppUri, Clock.systemUTC());
    byte[] body = UeiV1Envelope.of(context, message).write();
    BecknClient.Sent sent =
        client.post(
            request.context().bapUri(),
            "on_" + action,
            body,
            identity.signer().authorization(body));
    synchronized (callbacks) {
      callbacks.add(new Callback("on_" + action, sent));
      callbacks.notifyAll();
    }
  }

  /** The request's order with every line priced from the kit's catalog, in {@code status}. */
  TradeOrder priced(UeiV1Envelope request, TradeStatus status) throws TradeCodecException {
    TradeOrder asked = codec.order(request.message());
    List<OrderLine> lines = new ArrayList<>();
    for (OrderLine l : asked.lines()) {
      lines.add(
          new OrderLine(
              l.offerId(),
              l.providerId(),
              offer.seller(),
              offer.slot(),
              offer.price(),
              l.quantityKwh()));
    }
    return asked.withLines(lines).withStatus(status);
  }

  /** Every callback sent so far with its answer. */
  List<Callback> callbacks() {
    synchronized (callbacks) {
      return List.copyOf(callbacks);
    }
  }

  /** Orders the kit could not answer, and why. */
  List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  /** Waits up to {@code timeout} until {@code count} callbacks were sent and answered. */
  void awaitCallbacks(int count, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    synchronized (callbacks) {
      while (callbacks.size() < count) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          return;
        }
        callbacks.wait(left);
      }
    }
  }

  void close() {
    sender.shutdownNow();
  }
}
