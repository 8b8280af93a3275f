package org.uei.p2p.bap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
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
}
