package org.uei.p2p.conformance.bpp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private final KitIdentity identity;
  private final BecknClient client;
  private final BecknListener listener;
  private volatile Contexts.Parties parties;
  private final Duration ttl;
  private final Set<Inbound> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Call, Inbound> pairs = new LinkedHashMap<>();

  KitBap(KitIdentity identity, BecknClient client, BecknListener listener, Contexts.Parties parties, Duration ttl) {
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
    parties = new Contexts.Parties(parties.domain(), parties.bapId(), parties.bapUri(), bppId, parties.bppUri());
  }

  BecknListener listener() {
    return listener;
  }

  KitIdentity identity() {
    return identity;
  }

  /**
   * A discover for every offer priced in INR: wave-1 discover requires a filter, and this one
   * uses only the JSONPath subset every catalog service understands.
   */
  static org.uei.p2p.model.envelope.DiscoverMessage discover() {
    org.uei.p2p.model.envelope.DiscoverMessage m = new org.uei.p2p.model.envelope.DiscoverMessage();
    m.setFilters(org.uei.p2p.model.envelope.DiscoverMessage.Filters.jsonPath(
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
   * The callback answering {@code call}: the first unclaimed {@code on_<action>} of its transaction
   * that arrived after it was sent. Matched on transaction and action, not message_id, so that a
   * wrong message_id is reported by the echo case rather than hiding the callback.
   */
  Optional<Inbound> callback(Call call, Duration wait) throws InterruptedException {
    String expected = "on_" + call.context().getAction();
    String txn = call.context().getTransactionId();
    Optional<Inbound> found = listener.await(m -> expected.equals(m.action()) && txn.equals(m.context("transaction_id"))
        && !m.receivedAt().isBefore(call.sentAt()) && !isClaimed(m), wait);
    found.ifPresent(m -> claim(call, m));
    return found;
  }

  /** Every request matched with its callback so far, in the order they were matched. */
  synchronized Map<Call, Inbound> pairs() {
    return new LinkedHashMap<>(pairs);
  }

  private synchronized boolean isClaimed(Inbound m) {
    return claimed.contains(m);
  }

  private synchronized void claim(Call call, Inbound m) {
    claimed.add(m);
    pairs.put(call, m);
  }
}
