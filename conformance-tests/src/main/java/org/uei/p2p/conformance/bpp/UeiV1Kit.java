package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;

/**
 * The kit acting as a UEI v1 (Beckn 1.1.0) buyer platform: builds request contexts, signs and sends
 * requests to the seller platform under test, and matches the callbacks that reach its listener by
 * the same rules as on wave 1 ({@link CallbackMatch}).
 */
final class UeiV1Kit {

  /** A request sent: its context, bytes and synchronous answer. */
  record Call(ObjectNode context, BecknClient.Sent sent, Instant sentAt) {
    String action() {
      return context.path("action").asText();
    }

    String messageId() {
      return context.path("message_id").asText();
    }

    String transactionId() {
      return context.path("transaction_id").asText();
    }

    /** The request's timestamp + ttl, as the seller reads them. */
    Instant deadline() {
      try {
        return Instant.parse(context.path("timestamp").asText())
            .plus(Duration.parse(context.path("ttl").asText()));
      } catch (RuntimeException e) {
        return sentAt.plus(UeiV1Contexts.DEFAULT_TTL);
      }
    }
  }

  private static final Duration MAX_GRACE = Duration.ofSeconds(10);
  private final KitIdentity identity;
  private final BecknClient client;
  private final BecknListener listener;
  private final Duration ttl;
  private volatile UeiV1Contexts.Parties parties;
  private final Set<Inbound> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Call, Inbound> pairs = new LinkedHashMap<>();

  UeiV1Kit(
      KitIdentity identity,
      BecknClient client,
      BecknListener listener,
      UeiV1Contexts.Parties parties,
      Duration ttl) {
    this.identity = identity;
    this.client = client;
    this.listener = listener;
    this.parties = parties;
    this.ttl = ttl;
  }

  KitIdentity identity() {
    return identity;
  }

  UeiV1Contexts.Parties parties() {
    return parties;
  }

  Duration ttl() {
    return ttl;
  }

  /** Names the seller platform in later contexts once its on_search told who it is. */
  void bppId(String bppId) {
    UeiV1Contexts.Parties p = parties;
    parties =
        new UeiV1Contexts.Parties(
            p.bapId(), p.bapUri(), bppId, p.bppUri(), p.countryCode(), p.cityCode());
  }

  /** Where requests go: the target's {@code bpp_uri}. */
  String bppUri() {
    return parties.bppUri();
  }

  /** A new request context in transaction {@code txn} (null: a new one). */
  ObjectNode context(UeiV1Action action, String txn) {
    // Without a bpp_id (not learnt yet) the context names no seller; a search may do that.
    return UeiV1Contexts.newRequest(action, parties, txn, ttl, Clock.systemUTC());
  }

  /** Serializes once and sends those bytes with a correct signature. */
  Call send(UeiV1Action action, UeiV1Message message, String txn) {
    return sendSigned(context(action, txn), message);
  }

  /** Sends {@code message} under {@code context} with a correct signature. */
  Call sendSigned(ObjectNode context, UeiV1Message message) {
    byte[] body = UeiV1Envelope.of(context, message).write();
    return sendRaw(context, body, identity.signer().authorization(body));
  }

  /** Sends exact bytes with the given {@code Authorization} (null: none). */
  Call sendRaw(ObjectNode context, byte[] body, String authorization) {
    Instant at = Instant.now();
    String action = context.path("action").asText();
    return new Call(context, client.post(bppUri(), action, body, authorization), at);
  }

  /**
   * Waits for what answers {@code call}: until its timestamp + ttl, then a grace period more, so
   * that a late callback is reported as late rather than as missing. What arrives is claimed (it
   * answers nothing else) and, when validly signed, paired with the call for the callback checks.
   */
  CallbackMatch callback(Call call) throws InterruptedException {
    String expected = "on_" + call.action();
    Instant deadline = call.deadline();
    Predicate<Inbound> related =
        m ->
            !m.receivedAt().isBefore(call.sentAt())
                && !isClaimed(m)
                && CallbackMatch.related(m, expected, call.transactionId(), call.messageId());
    Optional<Inbound> found = listener.await(related, positive(deadline));
    if (found.isEmpty()) {
      Duration grace = ttl.compareTo(MAX_GRACE) < 0 ? ttl : MAX_GRACE;
      found = listener.await(related, positive(deadline.plus(grace)));
    }
    if (found.isEmpty()) {
      return CallbackMatch.none("no " + expected + " within the ttl " + ttl);
    }
    Inbound m = found.get();
    CallbackMatch match =
        CallbackMatch.classify(m, call.action(), call.transactionId(), call.messageId(), deadline);
    claim(call, m, m.signature().valid());
    return match;
  }

  private static Duration positive(Instant until) {
    Duration d = Duration.between(Instant.now(), until);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Every request matched with its validly signed callback, in the order they were matched. */
  synchronized Map<Call, Inbound> pairs() {
    return new LinkedHashMap<>(pairs);
  }

  /** Every callback the listener received, in order. */
  List<Inbound> callbacks() {
    return new ArrayList<>(listener.received());
  }

  private synchronized boolean isClaimed(Inbound m) {
    return claimed.contains(m);
  }

  private synchronized void claim(Call call, Inbound m, boolean pair) {
    claimed.add(m);
    if (pair) {
      pairs.put(call, m);
    }
  }
}
