package org.uei.p2p.bap.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.uei.p2p.bap.BapConfig;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.domain.Refusal;
import org.uei.p2p.node.outbound.BecknSender;
import org.uei.p2p.node.outbound.SendResult;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberType;

/**
 * Carries out client-API requests: builds the signed Beckn request, records it, sends it (to the
 * discovery service, to every BPP of the domain, or to one BPP), and in sync mode waits for the
 * callbacks up to the ttl.
 */
@ApplicationScoped
public class ClientService {

  @Inject NodeIdentity identity;
  @Inject NodeConfig nodeConfig;
  @Inject BapConfig config;
  @Inject Registry registry;
  @Inject BecknSender sender;
  @Inject RequestLedger ledger;
  @Inject ClientResults results;
  @Inject CallbackSignals signals;
  @Inject OrderBuilder orders;

  /** A request on its way: its ids and when its callbacks stop being accepted. */
  public record Sent(String messageId, String transactionId, Instant expiresAt) {}

  /** Sends discover to the discovery service, or to every BPP of the domain in the registry. */
  public Sent discover(ClientCommands.Discover cmd) {
    Duration ttl = ttl(cmd == null ? null : cmd.ttl());
    DiscoverMessage m = new DiscoverMessage();
    if (cmd != null && cmd.filter() != null && !cmd.filter().isBlank()) {
      m.setFilters(DiscoverMessage.Filters.jsonPath(cmd.filter()));
    }
    String txn = cmd == null ? null : cmd.transactionId();
    Map<String, String> targets = new LinkedHashMap<>();
    if (config.discoveryUrl().isPresent()) {
      targets.put(ClientRequest.ANY_BPP, config.discoveryUrl().get());
    } else {
      targets.putAll(bppsOfDomain());
    }
    Context base =
        Contexts.newRequest(Action.DISCOVER, parties(null, null), txn, ttl, Clock.systemUTC());
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (Map.Entry<String, String> t : targets.entrySet()) {
      Context c = base.copy();
      if (!t.getKey().equals(ClientRequest.ANY_BPP)) {
        c.setBppId(t.getKey());
        c.setBppUri(t.getValue());
      }
      ledger.sending(c, t.getKey(), t.getValue());
      sends.add(
          CompletableFuture.runAsync(() -> send(new Envelope<>(c, m), t.getKey(), t.getValue())));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    return new Sent(base.getMessageId(), base.getTransactionId(), expiry(base));
  }

  /** Sends select, init, confirm, status, update or cancel to the transaction's BPP. */
  public Sent order(Action action, ClientCommands.Order cmd) {
    if (cmd == null || cmd.transactionId() == null || cmd.transactionId().isBlank()) {
      throw Refusal.invalid("transactionId is required (start one with discover)");
    }
    OrderBuilder.Target target = orders.target(cmd);
    Message message = orders.message(action, cmd, target);
    Context c =
        Contexts.newRequest(
            action,
            parties(target.bppId(), target.bppUri()),
            cmd.transactionId(),
            ttl(cmd.ttl()),
            Clock.systemUTC());
    ledger.sending(c, target.bppId(), target.bppUri());
    send(new Envelope<>(c, message), target.bppId(), target.bppUri());
    return new Sent(c.getMessageId(), c.getTransactionId(), expiry(c));
  }

  /**
   * Waits until every BPP asked has answered (or failed) or the ttl is over; returns the result.
   */
  public ObjectNode await(Sent sent) throws InterruptedException {
    signals.await(() -> ledger.complete(sent.messageId()), sent.expiresAt());
    return results.ofRequest(sent.messageId());
  }

  private void send(Envelope<?> envelope, String bppId, String bppUri) {
    SendResult r =
        sender.send(bppUri, bppId.equals(ClientRequest.ANY_BPP) ? null : bppId, envelope);
    ledger.sent(envelope.getContext().getMessageId(), bppId, r);
    if (!r.acked()) {
      signals.signal();
    }
  }

  private Map<String, String> bppsOfDomain() {
    List<Subscriber> found;
    try {
      found =
          registry.lookupActive(
              LookupQuery.byDomainAndType(identity.domain(), SubscriberType.BPP), Instant.now());
    } catch (RegistryException e) {
      throw Refusal.upstream(
          "cannot find the BPPs of " + identity.domain() + ": " + e.getMessage());
    }
    Map<String, String> bpps = new LinkedHashMap<>();
    for (Subscriber s : found) {
      if (s.url() != null && !s.subscriberId().equals(identity.subscriberId())) {
        bpps.putIfAbsent(s.subscriberId(), s.url());
      }
    }
    if (bpps.isEmpty()) {
      throw Refusal.notFound("the registry lists no BPP in " + identity.domain());
    }
    return bpps;
  }

  private Contexts.Parties parties(String bppId, String bppUri) {
    return new Contexts.Parties(
        identity.domain(), identity.subscriberId(), identity.publicUrl(), bppId, bppUri);
  }

  private Duration ttl(String iso) {
    if (iso == null || iso.isBlank()) {
      return nodeConfig.ttl();
    }
    try {
      Duration d = Duration.parse(iso);
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(10)) > 0) {
        throw Refusal.invalid("ttl must be between 0 and PT10M, not " + iso);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("ttl '" + iso + "' is not an ISO-8601 duration such as PT30S");
    }
  }

  private static Instant expiry(Context c) {
    return c.timestampInstant().plus(c.ttlDuration());
  }
}
