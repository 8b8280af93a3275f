package org.uei.p2p.network.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.HttpAnswer;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.examples.network.Json;
import org.uei.p2p.examples.network.LoopbackSubscribers;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * A buyer platform played by the test against the bpp-node: a key registered in the network's
 * registry, signed requests it builds itself, and a callback endpoint that it can keep closed and
 * open later on the same port. It sees every delivery attempt that reaches it, duplicates included,
 * which a real bap-node's replay guard would hide.
 */
public final class StandInBap implements AutoCloseable {

  static final MeterPoint BUYER = new MeterPoint("UP-BUYER-0002", "PVVNL");

  private final LocalNetwork net;
  private final KitIdentity identity;
  private final int port;
  private final BecknClient client = new BecknClient(Duration.ofSeconds(30));
  private final Wave1Codec codec = new Wave1Codec();
  private final List<Inbound> earlier = new ArrayList<>();
  private BecknListener listener;

  private StandInBap(LocalNetwork net, KitIdentity identity, int port) {
    this.net = net;
    this.identity = identity;
    this.port = port;
  }

  /**
   * Registers {@code id} as a BAP on a free loopback port; nothing listens there until {@link
   * #listen()}.
   */
  public static StandInBap register(LocalNetwork net, String id)
      throws IOException, InterruptedException {
    StandInBap bap = new StandInBap(net, KitIdentity.fresh(id), LoopbackSubscribers.freePort());
    bap.identity.registerLocally(net.registryUrl(), "BAP", bap.url(), LocalNetwork.DOMAIN);
    return bap;
  }

  public String id() {
    return identity.subscriberId();
  }

  /** The callback base URL ({@code bap_uri}). */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Opens the callback endpoint; every callback is ACKed after its signature was checked. */
  public synchronized void listen() throws IOException {
    if (listener == null) {
      BecknVerifier verifier =
          BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(net.registryUrl())));
      listener = new BecknListener("127.0.0.1", port, verifier, "bpp_id", id());
    }
  }

  /** Closes the callback endpoint: deliveries meet a closed port. */
  synchronized void stopListening() {
    if (listener != null) {
      earlier.addAll(listener.received());
      listener.close();
      listener = null;
    }
  }

  /** Every callback that reached this endpoint, oldest first. */
  synchronized List<Inbound> received() {
    List<Inbound> all = new ArrayList<>(earlier);
    if (listener != null) {
      all.addAll(listener.received());
    }
    return all;
  }

  /** The callbacks that echo {@code messageId}. */
  public List<Inbound> callbacks(String messageId) {
    return received().stream().filter(m -> messageId.equals(m.context("message_id"))).toList();
  }

  /** A request sent and the seller's synchronous answer. */
  record Sent(Context context, HttpAnswer answer) {
    String messageId() {
      return context.getMessageId();
    }

    String transactionId() {
      return context.getTransactionId();
    }
  }

  /** Signs and sends {@code message} as {@code action} in {@code txn} (null: a new transaction). */
  Sent send(Action action, Message message, String txn, Duration ttl) {
    byte[] body = body(action, message, txn, ttl);
    Context c;
    try {
      c = Envelopes.parse(body).getContext();
    } catch (org.uei.p2p.model.envelope.MessageParseException e) {
      throw new IllegalStateException(e);
    }
    return new Sent(
        c,
        client
            .post(net.bpp().url(), action.wireName(), body, identity.signer().authorization(body))
            .answer());
  }

  /**
   * {@code buyers} threads each send the request {@code send} makes of its turn's number (null:
   * that thread stops), wait for the callback of an ACKed one, and send the next, so that some
   * requests are always on their way, in handling or in the outbox; the seller is killed ({@code
   * kill -9}) once {@code killAfter} callbacks arrived. Returns every request sent with its answer.
   */
  List<Sent> sendUntilSellerKilled(int buyers, int killAfter, IntFunction<Sent> send)
      throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger turn = new AtomicInteger();
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    List<Future<?>> running = new ArrayList<>();
    for (int b = 0; b < buyers; b++) {
      running.add(
          pool.submit(
              () -> {
                while (!killed.get()) {
                  Sent s = send.apply(turn.getAndIncrement());
                  if (s == null) {
                    return null;
                  }
                  sent.add(s);
                  if (s.answer().isAck()) {
                    Await.until(
                        () -> killed.get() || !callbacks(s.messageId()).isEmpty(),
                        Duration.ofSeconds(60),
                        "the callback for " + s.messageId());
                  }
                }
                return null;
              }));
    }
    try {
      Await.until(
          () -> received().size() >= killAfter,
          Duration.ofSeconds(90),
          killAfter + " callbacks at the buyer");
    } finally {
      killed.set(true);
      net.bpp().kill();
      pool.shutdown();
    }
    for (Future<?> f : running) {
      f.get(60, TimeUnit.SECONDS);
    }
    return List.copyOf(sent);
  }

  /**
   * The bytes of {@code message} as {@code action} in {@code txn} (null: a new transaction),
   * unsigned.
   */
  public byte[] body(Action action, Message message, String txn, Duration ttl) {
    Context c =
        Contexts.newRequest(
            action,
            new Contexts.Parties(
                LocalNetwork.DOMAIN, id(), url(), LocalNetwork.BPP_ID, net.bpp().url()),
            txn,
            ttl,
            Clock.systemUTC());
    return Envelopes.write(new Envelope<>(c, message));
  }

  /** Signs as this buyer platform. */
  public org.uei.p2p.signing.BecknSigner signer() {
    return identity.signer();
  }

  /** A PENDING order for {@code kwh} of a published offer, as select, init and confirm carry it. */
  public Message order(String offerId, BigDecimal kwh) throws IOException, InterruptedException {
    return codec.orderMessage(
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            id(),
            LocalNetwork.BPP_ID,
            "stand-in-buyer",
            BUYER,
            List.of(line(net, offerId, kwh))));
  }

  /** An order line for {@code kwh} of an offer, read from the seller's provider API. */
  static OrderLine line(LocalNetwork net, String offerId, BigDecimal kwh)
      throws IOException, InterruptedException {
    JsonNode offer = Json.get(net.bpp().url() + "/provider/offers/" + offerId).expect(200);
    String prosumerId = offer.get("prosumerId").asText();
    JsonNode prosumer = null;
    for (JsonNode p : Json.get(net.bpp().url() + "/provider/prosumers").expect(200)) {
      if (prosumerId.equals(p.get("id").asText())) {
        prosumer = p;
      }
    }
    if (prosumer == null) {
      throw new IllegalStateException(
          "offer "
              + offerId
              + " names prosumer "
              + prosumerId
              + ", which the seller does not list");
    }
    return new OrderLine(
        offerId,
        prosumerId,
        new MeterPoint(prosumer.get("meterId").asText(), prosumer.get("discomId").asText()),
        new DeliverySlot(
            Instant.parse(offer.get("slotStart").asText()),
            Instant.parse(offer.get("slotEnd").asText())),
        new UnitPrice(
            offer.get("pricePerKwh").decimalValue(),
            Currency.getInstance(offer.get("currency").asText())),
        kwh);
  }

  @Override
  public void close() {
    stopListening();
  }
}
