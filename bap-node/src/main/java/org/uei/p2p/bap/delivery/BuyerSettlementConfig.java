package org.uei.p2p.bap.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer platform's settlement settings ({@code uei.bap.delivery.*}): the same profile, file and
 * single values as the seller node's, so both platforms' statements compute alike.
 */
@ConfigMapping(prefix = "uei.bap.delivery")
public interface BuyerSettlementConfig {

  /** Name of the bundled regulatory settlement profile. */
  @WithName("settlement-profile")
  @WithDefault("ies-network")
  String settlementProfile();

  /** A properties file of settlement settings applied over the profile. */
  @WithName("settlement-file")
  Optional<String> settlementFile();

  /**
   * Single settlement settings applied last: {@code
   * uei.bap.delivery.settlement."tariff.TPDDL"=7.20}.
   */
  @WithName("settlement")
  Map<String, String> settlement();
}
