package org.uei.p2p.bpp.wave2;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Seller-platform settings of IES wave 2 ({@code uei.bpp.wave2.*} / {@code UEI_BPP_WAVE2_*}). */
@ConfigMapping(prefix = "uei.bpp.wave2")
public interface Wave2Config {

  /**
   * The network and contract policy file (format in energy-market's README); the bundled IES
   * networks when not set.
   */
  @WithName("policy-file")
  Optional<String> policyFile();

  /** The policy the seller's offers and contracts name ({@code contractAttributes.policy.url}). */
  @WithName("policy-url")
  @WithDefault(
      "https://api.dedi.global/dedi/lookup/indiaenergystack.in/ies-rulesets/p2p-trading-ies-contractpolicy-common")
  String policyUrl();

  /** The rule path of that policy ({@code contractAttributes.policy.queryPath}). */
  @WithName("policy-query-path")
  @WithDefault("data.deg.contracts.p2p_trading")
  String policyQueryPath();

  /**
   * How long a confirm waits for each DISCOM ledger provider to acknowledge the forwarded contract;
   * one that has not answered by then fails the confirm.
   */
  @WithName("ledger-forward-timeout")
  @WithDefault("PT10S")
  Duration ledgerForwardTimeout();

  /**
   * The network's catalog discovery service: when set, this seller platform publishes its wave-2
   * catalog there (catalog/publish) at start and whenever its offers change.
   */
  @WithName("catalog-service-url")
  Optional<String> catalogServiceUrl();

  /**
   * The catalog discovery service's subscriber id: the only signer whose catalog/on_publish is
   * accepted. Required with {@link #catalogServiceUrl()}.
   */
  @WithName("catalog-service-id")
  Optional<String> catalogServiceId();

  /**
   * How often the catalog is compared with what was last published; at most one publish goes out
   * per period, so a burst of changes is coalesced into one.
   */
  @WithName("publish-every")
  @WithDefault("5s")
  String publishEvery();

  /**
   * DISCOM (UPADHI code) → its Beckn identity and ledger provider, as the network's registry
   * publishes them. Contracts must name exactly these ledgers; offers of a DISCOM not listed are
   * not published on wave 2.
   */
  Map<String, Discom> discoms();

  /** One DISCOM's registry record. */
  interface Discom {
    /** Subscriber id of the DISCOM's Beckn node. */
    @WithName("subscriber-id")
    String subscriberId();

    /** Base URL of the DISCOM's Beckn node. */
    String uri();

    /** Subscriber id of the DISCOM's ledger provider. */
    @WithName("ledger-id")
    String ledgerId();

    /** Base URL of the ledger provider's DEG Ledger Service API. */
    @WithName("ledger-uri")
    String ledgerUri();
  }
}
