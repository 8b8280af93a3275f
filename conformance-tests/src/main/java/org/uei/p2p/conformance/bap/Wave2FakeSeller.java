package org.uei.p2p.conformance.bap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.bpp.Wave2BppConformance;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.http.Wave2Replies;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The kit's seller platform on wave 2: one offer, and signed callbacks for discover, select, init
 * (with settlement terms), confirm (ACTIVE) and status. Requests with a bad signature get 401; the
 * rest are ACKed and answered, and every callback's answer is kept for the ACK case.
 */
final class Wave2FakeSeller {

  /** The VPA of the kit's settlement terms, which the buyer's confirm must carry back. */
  static final String VPA = "conformance-seller@upi";

  /** A callback the kit sent, with the BAP's answer. */
  record Callback(String action, BecknClient.Sent sent) {}

  private final KitIdentity identity;
  private final String bppUri;
  private final BecknClient client = new BecknClient(Duration.ofSeconds(15));
  private final EnergyOffer offer;
  private final List<Callback> callbacks = new ArrayList<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "conformance-wave2-seller");
            t.setDaemon(true);
            return t;
          });

  Wave2FakeSeller(KitIdentity identity, String bppUri, ZoneId zone) {
    this.identity = identity;
    this.bppUri = bppUri;
    offer =
        BapConformance.kitOffer(
            identity.subscriberId(), new MeterPoint("TEST_CONFORMANCE_SELLER_01", "TPDDL"), zone);
  }

  EnergyOffer offer() {
    return offer;
  }

  /** Answers one request: 401 for a bad signature, else ACK and the callback on its way. */
  BecknListener.Reply respond(Inbound m) {
    if (!m.signature().valid()) {
      return Wave2Replies.unauthorized(identity.subscriberId(), m.signature());
    }
    Wave2Envelope env;
    try {
      env = Wave2Envelope.parse(m.body());
    } catch (MessageParseException e) {
      return Wave2Replies.nack(
          400,
          e.error().getCode(),
          e.error().getMessage(),
          e.error().getPaths(),
          java.util.Map.of());
    }
    if (env.context() == null || env.context().bapUri() == null) {
      return Wave2Replies.nack(
          400, "30000", "context.bapUri is required", "context.bapUri", java.util.Map.of());
    }
    sender.submit(() -> answer(env, m.action()));
    return Wave2Replies.ack();
  }

  private void answer(Wave2Envelope request, String action) {
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    Contract contract = request.message() == null ? null : request.message().contract();
    switch (action) {
      case "discover" -> message = catalog();
      case "select", "init", "confirm", "status" -> {
        if (contract == null) {
          return;
        }
        ObjectNode c = contract.toJson();
        if ("init".equals(action)) {
          c.putArray("consideration")
              .addObject()
              .put("id", "settlement-terms")
              .putObject("considerationAttributes")
              .put("@context", "https://schema.nfh.global/SettlementTerm/2.0/context.jsonld")
              .put("@type", "SettlementTerm")
              .putObject("payTo")
              .put("vpa", VPA);
        }
        if ("confirm".equals(action) || "status".equals(action)) {
          c.put("id", "conformance-contract-" + request.context().transactionId());
          c.putObject("status").put("code", "ACTIVE");
        }
        message.set("contract", c);
      }
      default -> {
        return;
      }
    }
    ObjectNode context = Wave2Contexts.callbackFor(request.context(), Clock.systemUTC());
    if (!context.hasNonNull("bppId")) {
      // A discover reached the kit as a seller platform, not through a discovery service: the
      // on_discover names the seller that answers it.
      context.put("bppId", identity.subscriberId()).put("bppUri", bppUri);
    }
    byte[] body = Wave2Envelope.of(context, Wave2Message.of(message)).write();
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

  private ObjectNode catalog() {
    LedgerProvider own =
        new LedgerProvider("TPDDL", "tpddl.discom", bppUri, identity.subscriberId(), bppUri);
    return new Wave2Codec(Wave2BppConformance.IES_COMMON_POLICY, List.of(own))
        .catalogMessage(
            new CatalogHeader(
                "conformance-catalog", "Conformance kit energy", identity.subscriberId(), bppUri),
            List.of(offer))
        .toJson();
  }

  /** Every callback sent so far with its answer. */
  List<Callback> callbacks() {
    synchronized (callbacks) {
      return List.copyOf(callbacks);
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
