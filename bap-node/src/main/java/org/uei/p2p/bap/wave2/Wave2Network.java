package org.uei.p2p.bap.wave2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.bap.BapConfig;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.trade.LedgerProvider;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.domain.Refusal;
import org.uei.p2p.node.wire.Wires;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.Subscriber;

/**
 * The wave-2 network as this platform knows it from its own configuration: the network id, the
 * currency, the contract policy and each DISCOM's ledger provider (URLs from the registry when not
 * configured).
 */
@ApplicationScoped
public class Wave2Network {

  @Inject NodeConfig nodeConfig;
  @Inject BapConfig config;
  @Inject Registry registry;

  /** {@code uei.network-id}; a wave-2 request cannot go out without it. */
  public String networkId() {
    return nodeConfig
        .networkId()
        .orElseThrow(
            () ->
                Refusal.invalid(
                    "uei.network-id is not set: this platform cannot send wave-2 requests"));
  }

  /**
   * The network's discovery service for wave 2: {@code uei.bap.wave2.discovery-url}, else {@code
   * uei.bap.discovery-url} on a node that speaks only wave 2; empty when discover goes to every
   * seller platform of the network.
   */
  public Optional<String> discoveryService() {
    return config
        .wave2()
        .discoveryUrl()
        .or(
            () ->
                Wires.parse(nodeConfig.wire()).size() == 1
                    ? config.discoveryUrl()
                    : Optional.empty());
  }

  /**
   * True when {@code subscriberId} is the network's discovery service: its registry record's URL is
   * {@link #discoveryService()}. Only it may answer discover with other sellers' catalogs.
   */
  public boolean isDiscoveryService(String subscriberId) {
    Optional<String> service = discoveryService();
    if (service.isEmpty()) {
      return false;
    }
    try {
      return registry.lookupActive(LookupQuery.bySubscriber(subscriberId), Instant.now()).stream()
          .map(Subscriber::url)
          .anyMatch(u -> u != null && strip(u).equals(strip(service.get())));
    } catch (RegistryException e) {
      return false;
    }
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The currency this platform trades in. */
  public Currency currency() {
    return Currency.getInstance(config.wave2().currency());
  }

  /** The contract policy every drafted contract names. */
  public PolicyReference policy() {
    return new PolicyReference(config.wave2().policy().url(), config.wave2().policy().queryPath());
  }

  /** A codec that writes contracts between the buyer's and the seller's DISCOM. */
  public Wave2Codec codec(String buyerDiscom, String sellerDiscom) {
    return new Wave2Codec(policy(), List.of(ledger(buyerDiscom), ledger(sellerDiscom)));
  }

  /** A codec for reading only (it needs no ledgers). */
  public static Wave2Codec reader() {
    return new Wave2Codec(new PolicyReference("urn:read-only", "read-only"), List.of());
  }

  /**
   * The ledger provider of {@code discomCode} (UPADHI code).
   *
   * @throws Refusal when this platform has no such DISCOM configured or the registry cannot name
   *     its URLs
   */
  public LedgerProvider ledger(String discomCode) {
    BapConfig.Discom d = config.wave2().discoms().get(discomCode);
    if (d == null) {
      throw Refusal.invalid(
          "DISCOM '"
              + discomCode
              + "' has no ledger provider configured on this platform (uei.bap.wave2.discoms."
              + discomCode
              + ".*)");
    }
    return new LedgerProvider(
        discomCode,
        d.discomId(),
        url(d.discomUri(), d.discomId()),
        d.ledgerId(),
        url(d.ledgerUri(), d.ledgerId()));
  }

  /**
   * The subscriber id of the ledger provider this platform configured for {@code discomCode}, with
   * no registry look-up; empty when that DISCOM is not configured.
   */
  public Optional<String> ledgerId(String discomCode) {
    BapConfig.Discom d = discomCode == null ? null : config.wave2().discoms().get(discomCode);
    return d == null ? Optional.empty() : Optional.of(d.ledgerId());
  }

  /** True when this platform has {@code discomCode} configured. */
  public boolean configured(String discomCode) {
    return discomCode != null && config.wave2().discoms().containsKey(discomCode);
  }

  private String url(Optional<String> configured, String subscriberId) {
    if (configured.isPresent()) {
      return configured.get();
    }
    try {
      return registry
          .urlOf(subscriberId, Instant.now())
          .orElseThrow(
              () -> Refusal.upstream("the registry lists no URL for '" + subscriberId + "'"));
    } catch (RegistryException e) {
      throw Refusal.upstream("cannot look up '" + subscriberId + "': " + e.getMessage());
    }
  }
}
