package org.uei.p2p.bap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/** Buyer-platform settings ({@code uei.bap.*} / {@code UEI_BAP_*}). */
@ConfigMapping(prefix = "uei.bap")
public interface BapConfig {

  /**
   * A discovery service (gateway or catalog service) to send discover to. When absent, discover
   * goes to every BPP of the domain found in the registry.
   */
  @WithName("discovery-url")
  Optional<String> discoveryUrl();

  /** Where results of async client requests are pushed. */
  Webhook webhook();

  /** The buyer app's webhook. */
  interface Webhook {
    /** The URL results are POSTed to; no push when absent. */
    Optional<String> url();

    /**
     * The HMAC-SHA256 key; the push carries {@code X-UEI-Signature: sha256=<hex of HMAC(body)>}.
     */
    Optional<String> secret();
  }

  /** Trading on IES wave 2 ({@code uei.wire} lists {@code wave2}). */
  Wave2 wave2();

  /** What a wave-2 contract names that the buyer platform, not the seller, decides. */
  interface Wave2 {
    /**
     * The network's discovery service for wave 2; absent: {@code uei.bap.discovery-url} on a node
     * that speaks only wave 2, else every BPP the registry lists under {@code uei.network-id}.
     */
    @WithName("discovery-url")
    Optional<String> discoveryUrl();

    /** The only currency this platform trades in; offers in another are not ordered from. */
    @WithDefault("INR")
    String currency();

    /** The contract policy named in every contract this platform drafts. */
    Policy policy();

    /**
     * The DISCOMs whose customers trade through this platform, by UPADHI code (e.g. {@code
     * uei.bap.wave2.discoms.TPDDL.ledger-id}): each contract names both DISCOMs' ledger providers
     * from here, never from the seller's messages.
     */
    Map<String, Discom> discoms();
  }

  /** Trading on UEI v1, Beckn 1.1.0 ({@code uei.wire} lists {@code uei-v1}). */
  @WithName("uei-v1")
  UeiV1 ueiV1();

  /** Where a UEI v1 search goes and the location every UEI v1 request names. */
  interface UeiV1 {
    /**
     * The gateway (BG) a search goes to; absent: {@code uei.bap.discovery-url} on a node that
     * speaks only UEI v1, else every BPP the registry lists in domain {@code uei:p2p-trading}.
     */
    @WithName("gateway-url")
    Optional<String> gatewayUrl();

    /** {@code context.location.country.code}, ISO 3166 alpha-3. */
    @WithName("country-code")
    @WithDefault("IND")
    String countryCode();

    /** {@code context.location.city.code}, e.g. {@code std:0522}; {@code *}: any city. */
    @WithName("city-code")
    @WithDefault("*")
    String cityCode();
  }

  /** Where the contract policy is published and which rule to query. */
  interface Policy {
    @WithDefault(
        "https://api.dedi.global/dedi/lookup/indiaenergystack.in/ies-rulesets/"
            + "p2p-trading-ies-contractpolicy-common")
    String url();

    @WithName("query-path")
    @WithDefault("data.deg.contracts.p2p_trading")
    String queryPath();
  }

  /** A DISCOM and its ledger provider; a URL left out is the registry's {@code subscriber_url}. */
  interface Discom {
    /** The DISCOM node's subscriber id. */
    @WithName("discom-id")
    String discomId();

    @WithName("discom-uri")
    Optional<String> discomUri();

    /** The ledger provider's subscriber id. */
    @WithName("ledger-id")
    String ledgerId();

    @WithName("ledger-uri")
    Optional<String> ledgerUri();
  }
}
