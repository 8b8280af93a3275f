package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * The kit acting as a wave-2 buyer platform: builds camelCase request contexts, signs and sends
 * requests to the seller platform under test, and pairs the callbacks that reach its listener.
 */
final class Wave2Kit {

  /** A request sent: its context, bytes and synchronous answer. */
  record Call(ObjectNode context, BecknClient.Sent sent, Instant sentAt) {
    String messageId() {
      return context.path("messageId").asText();
    }

    String transactionId() {
      return context.path("transactionId").asText();
    }

    String action() {
      return context.path("action").asText();
    }
  }

  /** Pack contexts the kit's contracts use. */
  static final List<String> SCHEMA_CONTEXT =
      List.of(
          "https://schema.nfh.global/EnergyTradeOffer/v2.0/context.jsonld",
          "https://schema.nfh.global/EnergyResource/v2.0/context.jsonld",
          "https://schema.nfh.global/EnergyCustomer/v2.0/context.jsonld",
          "https://schema.nfh.global/DEGContract/v2.0/context.jsonld",
          "https://schema.nfh.global/BecknTimeSeries/v1.0/context.jsonld",
          "https://schema.nfh.global/DiscomLedgerProvider/v1.0/context.jsonld");

  private final KitIdentity identity;
  private final BecknClient client;
  private final BecknListener listener;
  private final Duration ttl;
  private volatile Wave2Contexts.Parties parties;
  private final Map<Call, Inbound> pairs = new LinkedHashMap<>();

  Wave2Kit(
      KitIdentity identity,
      BecknClient client,
      BecknListener listener,
      Wave2Contexts.Parties parties,
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

  Wave2Contexts.Parties parties() {
    return parties;
  }

  BecknListener listener() {
    return listener;
  }

  /** Names the seller platform in later contexts once its on_discover told who it is. */
  void bppId(String bppId) {
    parties =
        new Wave2Contexts.Parties(
            parties.networkId(), parties.bapId(), parties.bapUri(), bppId, parties.bppUri());
  }

  /** A new request context in transaction {@code txn} (null: a new one). */
  ObjectNode context(Wave2Action action, String txn) {
    return Wave2Contexts.newRequest(action, parties, txn, ttl, SCHEMA_CONTEXT, Clock.systemUTC());
  }

  /** Serializes once and sends those bytes with a correct signature. */
  Call send(Wave2Action action, Wave2Message message, String txn) {
    ObjectNode c = context(action, txn);
    byte[] body = Wave2Envelope.of(c, message).write();
    return sendRaw(c, body, identity.signer().authorization(body));
  }

  /** Sends exact bytes with the given {@code Authorization} (null: none). */
  Call sendRaw(ObjectNode context, byte[] body, String authorization) {
    Instant at = Instant.now();
    String action = context.path("action").asText();
    return new Call(context, client.post(parties.bppUri(), action, body, authorization), at);
  }

  /**
   * Waits until the request's ttl (and a grace of at most 10 s) for the callback of {@code call}:
   * the first {@code on_<action>} after it in its transaction, preferring one with its messageId. A
   * validly signed one is paired with the call for the echo checks.
   */
  Optional<Inbound> callback(Call call) throws InterruptedException {
    String expected = "on_" + call.action();
    Duration wait =
        ttl.plus(ttl.compareTo(Duration.ofSeconds(10)) < 0 ? ttl : Duration.ofSeconds(10));
    Optional<Inbound> found =
        listener.await(
            m ->
                expected.equals(m.action())
                    && !m.receivedAt().isBefore(call.sentAt())
                    && (call.messageId().equals(m.context("messageId"))
                        || call.transactionId().equals(m.context("transactionId"))),
            wait);
    found
        .filter(m -> m.signature().valid())
        .ifPresent(
            m -> {
              synchronized (pairs) {
                pairs.put(call, m);
              }
            });
    return found;
  }

  /**
   * Why {@code callback} does not count as the answer to {@code call}, or null when it does: the
   * kit refused its signature with 401, as any buyer platform would.
   */
  static String unsigned(Call call, Inbound callback) {
    return callback.signature().valid()
        ? null
        : callback.action()
            + " for "
            + call.action()
            + " "
            + call.messageId()
            + " failed signature verification ("
            + callback.signature()
            + "); the kit answered 401 and does not count it";
  }

  /** Every request matched with its callback so far, in the order they were matched. */
  Map<Call, Inbound> pairs() {
    synchronized (pairs) {
      return new LinkedHashMap<>(pairs);
    }
  }

  /** Every callback the listener received, in order. */
  List<Inbound> callbacks() {
    return new ArrayList<>(listener.received());
  }
}
