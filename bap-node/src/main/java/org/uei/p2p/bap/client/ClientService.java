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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.uei.p2p.bap.BapConfig;
import org.uei.p2p.bap.wave2.Wave2Network;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.domain.Refusal;
import org.uei.p2p.node.outbound.BecknSender;
import org.uei.p2p.node.outbound.SendResult;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.Wires;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.registry.SubscriberType;

/**
 * Carries out client-API requests: builds the signed Beckn request on the receiver's wire (wave 1
 * here, wave 2 by {@link Wave2Requests}, UEI v1 by {@link org.uei.p2p.bap.ueiv1.UeiV1Requests}),
 * records it, sends it (to the discovery service, to every BPP of the network, or to one BPP), and
 * in sync mode waits for the callbacks up to the ttl.
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
  @Inject Wave2Requests wave2;
  @Inject Wave2Network wave2Network;
  @Inject org.uei.p2p.bap.ueiv1.UeiV1Requests ueiV1;

  /** A request on its way: its ids and when its callbacks stop being accepted. */
  public record Sent(String messageId, String transactionId, Instant expiresAt) {}

  /**
   * Sends discover, with one message id, on every wire this node speaks: to that wire's discovery
   * service (a gateway on UEI v1, where discover is search), or to every BPP its registry network
   * lists. A BPP in several networks, and a discovery service of several, get one request only: on
   * wave 2 (the network's current wire) if it is one of them, else on UEI v1.
   */
  public Sent discover(ClientCommands.Discover cmd) {
    Duration ttl = ttl(cmd == null ? null : cmd.ttl());
    String filter = cmd == null ? null : blankless(cmd.filter());
    String txn = cmd == null ? null : cmd.transactionId();
    Set<WireGeneration> wires = Wires.parse(nodeConfig.wire());
    String wave2Filter = wave2Filter(cmd, wires);
    Map<String, Outgoing> out = new LinkedHashMap<>();
    List<String> searched = new ArrayList<>();
    Context base =
        Contexts.newRequest(Action.DISCOVER, parties(null, null), txn, ttl, Clock.systemUTC());
    if (wires.contains(WireGeneration.DEG_WAVE1)) {
      DiscoverMessage m = new DiscoverMessage();
      if (filter != null) {
        m.setFilters(DiscoverMessage.Filters.jsonPath(filter));
      }
      Map<String, String> targets = new LinkedHashMap<>();
      if (config.discoveryUrl().isPresent()) {
        targets.put(ClientRequest.ANY_BPP, config.discoveryUrl().get());
      } else {
        searched.add(identity.domain());
        targets.putAll(bppsOf(identity.domain()));
      }
      for (Map.Entry<String, String> t : targets.entrySet()) {
        Context c = base.copy();
        if (!t.getKey().equals(ClientRequest.ANY_BPP)) {
          c.setBppId(t.getKey());
          c.setBppUri(t.getValue());
        }
        out.put(t.getKey(), Outgoing.of(t.getKey(), t.getValue(), new Envelope<>(c, m)));
      }
    }
    if (wires.contains(WireGeneration.UEI_V1)) {
      if (filter != null
          && !wires.contains(WireGeneration.DEG_WAVE1)
          && !wires.contains(WireGeneration.IES_WAVE2)) {
        throw Refusal.invalid(
            "a UEI v1 (Beckn 1.1.0) search carries an intent, not a filter expression;"
                + " discover without filter and choose among the offers");
      }
      Optional<String> gateway =
          config
              .ueiV1()
              .gatewayUrl()
              .or(() -> wires.size() == 1 ? config.discoveryUrl() : Optional.empty());
      Map<String, String> targets;
      if (gateway.isPresent()) {
        targets = Map.of(ClientRequest.ANY_BPP, gateway.get());
      } else {
        searched.add(UeiV1Context.DOMAIN);
        targets = bppsOf(UeiV1Context.DOMAIN);
      }
      for (Outgoing o : ueiV1.search(base.getTransactionId(), base.getMessageId(), ttl, targets)) {
        out.put(o.bppId(), o);
      }
    }
    if (wires.contains(WireGeneration.IES_WAVE2)) {
      Optional<String> service = wave2Network.discoveryService();
      Map<String, String> targets;
      if (service.isPresent()) {
        targets = Map.of(ClientRequest.ANY_BPP, service.get());
      } else {
        searched.add(wave2Network.networkId());
        targets = bppsOf(wave2Network.networkId());
      }
      for (Outgoing o :
          wave2.discover(wave2Filter, base.getTransactionId(), base.getMessageId(), ttl, targets)) {
        out.put(o.bppId(), o);
      }
    }
    if (out.isEmpty()) {
      throw Refusal.notFound("the registry lists no BPP in " + String.join(" or ", searched));
    }
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (Outgoing o : out.values()) {
      ledger.sending(o.context(), o.bppId(), o.bppUri());
      // Sent from the common pool: carry the client call's trace there.
      sends.add(
          CompletableFuture.runAsync(
              io.opentelemetry.context.Context.current().wrap(() -> send(o))));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    return new Sent(base.getMessageId(), base.getTransactionId(), expiry(base));
  }

  /**
   * The expression of the wave-2 discover: {@code wave2Filter}, else on a node of wave 2 only the
   * app's {@code filter}. A node of both wires never sends wave 1's filter language to wave 2: a
   * {@code filter} without {@code wave2Filter} there is refused rather than sent to the wrong wire.
   */
  private static String wave2Filter(ClientCommands.Discover cmd, Set<WireGeneration> wires) {
    String wave2Filter = cmd == null ? null : blankless(cmd.wave2Filter());
    String filter = cmd == null ? null : blankless(cmd.filter());
    if (wave2Filter != null || !wires.contains(WireGeneration.IES_WAVE2)) {
      return wave2Filter;
    }
    if (!wires.contains(WireGeneration.DEG_WAVE1)) {
      return filter;
    }
    if (filter != null) {
      throw Refusal.invalid(
          "this node discovers on wave 1 and wave 2, whose filters are written differently:"
              + " filter goes to wave-1 sellers only; give wave2Filter for wave 2");
    }
    return null;
  }

  private static String blankless(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Sends select, init, confirm, status, update or cancel to the transaction's BPP, on the wire the
   * transaction speaks with it.
   */
  public Sent order(Action action, ClientCommands.Order cmd) {
    if (cmd == null || cmd.transactionId() == null || cmd.transactionId().isBlank()) {
      throw Refusal.invalid("transactionId is required (start one with discover)");
    }
    OrderBuilder.Target target = orders.target(cmd);
    Outgoing o;
    if (target.wire() == WireGeneration.IES_WAVE2) {
      o = wave2.order(action, cmd, target, ttl(cmd.ttl()));
    } else if (target.wire() == WireGeneration.UEI_V1) {
      o = ueiV1.order(action, cmd, target, ttl(cmd.ttl()));
    } else {
      Message message = orders.message(action, cmd, target);
      Context c =
          Contexts.newRequest(
              action,
              parties(target.bppId(), target.bppUri()),
              cmd.transactionId(),
              ttl(cmd.ttl()),
              Clock.systemUTC());
      o = Outgoing.of(target.bppId(), target.bppUri(), new Envelope<>(c, message));
    }
    WireContext c = o.context();
    ledger.sending(c, target.bppId(), target.bppUri());
    send(o);
    return new Sent(c.messageId(), c.transactionId(), c.timestampInstant().plus(c.ttlDuration()));
  }

  /**
   * Waits until every BPP asked has answered (or failed) or the ttl is over; returns the result.
   */
  public ObjectNode await(Sent sent) throws InterruptedException {
    signals.await(() -> ledger.complete(sent.messageId()), sent.expiresAt());
    return results.ofRequest(sent.messageId());
  }

  private void send(Outgoing o) {
    String recipient = o.bppId().equals(ClientRequest.ANY_BPP) ? null : o.bppId();
    WireContext c = o.context();
    SendResult r = sender.sendBytes(o.bppUri(), recipient, c, o.body());
    ledger.sent(c.messageId(), o.bppId(), c.wire(), r);
    if (!r.acked() || c.wire() == WireGeneration.IES_WAVE2 && r.ack().error() != null) {
      signals.signal();
    }
  }

  /** The BPPs the registry lists in {@code network}; a network of one wire may have none. */
  private Map<String, String> bppsOf(String network) {
    List<Subscriber> found;
    try {
      found =
          registry.lookupActive(
              LookupQuery.byDomainAndType(network, SubscriberType.BPP), Instant.now());
    } catch (RegistryException e) {
      throw Refusal.upstream("cannot find the BPPs of " + network + ": " + e.getMessage());
    }
    Map<String, String> bpps = new LinkedHashMap<>();
    for (Subscriber s : found) {
      if (s.url() != null && !s.subscriberId().equals(identity.subscriberId())) {
        bpps.putIfAbsent(s.subscriberId(), s.url());
      }
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
