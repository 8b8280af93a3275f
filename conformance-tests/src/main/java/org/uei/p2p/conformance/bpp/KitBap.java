package org.uei.p2p.conformance.bpp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.Message;

/**
 * The kit acting as a buyer platform: builds request contexts, signs and sends requests to the
 * seller platform under test, and matches the callbacks that arrive at its listener.
 */
final class KitBap {

  /** A request sent: its context, bytes and synchronous answer. */
  record Call(Context context, BecknClient.Sent sent, Instant sentAt) {
    String messageId() {
      return context.getMessageId();
    }
  }

  private static final Duration MAX_GRACE = Duration.ofSeconds(10);
  private final KitIdentity identity;
  private final BecknClient client;
  private final BecknListener listener;
  private volatile Contexts.Parties parties;
  private final Duration ttl;
  private final Set<Inbound> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Call, Inbound> pairs = new LinkedHashMap<>();

  KitBap(
      KitIdentity identity,
      BecknClient client,
      BecknListener listener,
      Contexts.Parties parties,
      Duration ttl) {
    this.identity = identity;
    this.client = client;
    this.listener = listener;
    this.parties = parties;
    this.ttl = ttl;
  }

  Duration ttl() {
    return ttl;
  }

  Contexts.Parties parties() {
    return parties;
  }

  /** Names the seller platform in later contexts once its on_discover told who it is. */
  void bppId(String bppId) {
    parties =
        new Contexts.Parties(
            parties.domain(), parties.bapId(), parties.bapUri(), bppId, parties.bppUri());
  }

  BecknListener listener() {
    return listener;
  }

  KitIdentity identity() {
    return identity;
  }

  /**
   * A discover for every offer priced in INR: wave-1 discover requires a filter, and this one uses
   * only the JSONPath subset every catalog service understands.
   */
  static org.uei.p2p.model.envelope.DiscoverMessage discover() {
    org.uei.p2p.model.envelope.DiscoverMessage m = new org.uei.p2p.model.envelope.DiscoverMessage();
    m.setFilters(
        org.uei.p2p.model.envelope.DiscoverMessage.Filters.jsonPath(
            "$[?(@.beckn:price.schema:priceCurrency == 'INR')]"));
    return m;
  }

  /** A new request context in transaction {@code txn} (null: a new one). */
  Context context(Action action, String txn) {
    return Contexts.newRequest(action, parties, txn, ttl, Clock.systemUTC());
  }

  /** Serializes and sends with a correct signature. */
  Call send(Action action, Message message, String txn) {
    Context c = context(action, txn);
    byte[] body = Envelopes.write(new Envelope<>(c, message));
    return sendSigned(c, body);
  }

  /** Sends exact bytes with a correct signature over them. */
  Call sendSigned(Context c, byte[] body) {
    return sendRaw(c, body, identity.signer().authorization(body));
  }

  /** Sends exact bytes with the given {@code Authorization} (null: none). */
  Call sendRaw(Context c, byte[] body, String authorization) {
    Instant at = Instant.now();
    return new Call(c, client.post(parties.bppUri(), c.getAction(), body, authorization), at);
  }

  /**
   * Waits for what answers {@code call}: until the request's timestamp + ttl for any related
   * callback (see {@link CallbackMatch#related}), then a grace period more, so that a callback that
   * comes late is reported as late, with its delay, rather than as missing. What arrives is claimed
   * (it answers nothing else) and, when validly signed, paired with the call for the callback
   * checks; only a validly signed, timely callback in the request's transaction {@link
   * CallbackMatch#counts counts} for the case.
   */
  CallbackMatch callback(Call call) throws InterruptedException {
    String expected = "on_" + call.context().getAction();
    String txn = call.context().getTransactionId();
    Instant deadline = deadline(call);
    Predicate<Inbound> related =
        m ->
            !m.receivedAt().isBefore(call.sentAt())
                && !isClaimed(m)
                && CallbackMatch.related(m, expected, txn, call.messageId());
    Optional<Inbound> found =
        listener.await(related, positive(Duration.between(Instant.now(), deadline)));
    if (found.isEmpty()) {
      found =
          listener.await(
              related, positive(Duration.between(Instant.now(), deadline.plus(grace()))));
    }
    if (found.isEmpty()) {
      return CallbackMatch.none(
          "no " + expected + " within the ttl " + ttl + strays(call, expected));
    }
    Inbound m = found.get();
    CallbackMatch match = CallbackMatch.classify(m, call, deadline);
    claim(call, m, m.signature().valid());
    return match;
  }

  /**
   * The request's timestamp + ttl, as the seller reads them; when unreadable, sent + the kit's ttl.
   */
  static Instant deadline(Call call) {
    try {
      return call.context().timestampInstant().plus(call.context().ttlDuration());
    } catch (RuntimeException e) {
      return call.sentAt().plus(Duration.ofSeconds(30));
    }
  }

  /** How long after the ttl the kit still listens, to tell a late callback from a missing one. */
  private Duration grace() {
    return ttl.compareTo(MAX_GRACE) < 0 ? ttl : MAX_GRACE;
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * Names unrelated callbacks of the expected action that arrived meanwhile, which a reader may
   * recognise.
   */
  private String strays(Call call, String expected) {
    List<String> seen =
        listener.received().stream()
            .filter(
                m ->
                    expected.equals(m.action())
                        && !m.receivedAt().isBefore(call.sentAt())
                        && !isClaimed(m))
            .map(
                m ->
                    "transaction_id '"
                        + m.context("transaction_id")
                        + "', message_id '"
                        + m.context("message_id")
                        + "'")
            .toList();
    return seen.isEmpty()
        ? ""
        : "; "
            + expected
            + " did arrive with "
            + String.join(" and with ", seen)
            + ", none of this request's (transaction_id '"
            + call.context().getTransactionId()
            + "', message_id '"
            + call.messageId()
            + "')";
  }

  /** Every request matched with its callback so far, in the order they were matched. */
  synchronized Map<Call, Inbound> pairs() {
    return new LinkedHashMap<>(pairs);
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
