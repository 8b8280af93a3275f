package org.uei.p2p.bpp.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.util.Optional;
import org.uei.p2p.market.allocation.AllocationMethod;

/** Meter data, allocation and settlement settings of the seller platform ({@code uei.bpp.delivery.*}). */
@ConfigMapping(prefix = "uei.bpp.delivery")
public interface DeliveryConfig {

  /** Time zone of slots, delivery days, block alignment and billing months. */
  @WithDefault("Asia/Kolkata")
  String zone();

  /** Where the MDMS drops its daily files; {@code <data-dir>/mdms-drop} when not set. */
  @WithName("mdms-drop-dir")
  Optional<String> mdmsDropDir();

  /** How a meter's shortfall is shared among its trades. */
  @WithName("allocation-method")
  @WithDefault("PRO_RATA")
  AllocationMethod allocationMethod();

  /** Platform transaction fee per settled kWh, split between buyer and seller. */
  @WithName("platform-fee-per-kwh")
  @WithDefault("0.42")
  BigDecimal platformFeePerKwh();

  /** DISCOM tariff per kWh for unsettled energy, when no per-DISCOM tariff is known. */
  @WithName("default-tariff-per-kwh")
  @WithDefault("0")
  BigDecimal defaultTariffPerKwh();
}
