package org.uei.p2p.bpp.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.market.allocation.AllocationMethod;

/**
 * Meter data, allocation and settlement settings of the seller platform ({@code
 * uei.bpp.delivery.*}).
 */
@ConfigMapping(prefix = "uei.bpp.delivery")
public interface DeliveryConfig {

  /** Time zone of slots, delivery days, block alignment and billing months. */
  @WithDefault("Asia/Kolkata")
  String zone();

  /**
   * When the previous delivery day is settled, as a cron expression in IST (read by the scheduler
   * as {@code uei.bpp.delivery.settlement-cron}; mapped here so that a properties file may set it).
   */
  @WithName("settlement-cron")
  @WithDefault("0 30 2 * * ?")
  String settlementCron();

  /** How often the MDMS drop directory is read (read by the scheduler, e.g. {@code 30s}). */
  @WithName("mdms-poll-every")
  @WithDefault("30s")
  String mdmsPollEvery();

  /** Where the MDMS drops its daily files; {@code <data-dir>/mdms-drop} when not set. */
  @WithName("mdms-drop-dir")
  Optional<String> mdmsDropDir();

  /** How a meter's shortfall is shared among its trades. */
  @WithName("allocation-method")
  @WithDefault("PRO_RATA")
  AllocationMethod allocationMethod();

  /**
   * Platform transaction fee per settled kWh: the profile's {@code fee.per-kwh}, kept as its own
   * setting for nodes configured before profiles existed.
   */
  @WithName("platform-fee-per-kwh")
  Optional<String> platformFeePerKwh();

  /** The profile's {@code tariff.default}, kept as its own setting likewise. */
  @WithName("default-tariff-per-kwh")
  Optional<String> defaultTariffPerKwh();

  /** Name of the bundled regulatory settlement profile the node settles under. */
  @WithName("settlement-profile")
  @WithDefault("ies-network")
  String settlementProfile();

  /** A properties file of settlement settings applied over the profile. */
  @WithName("settlement-file")
  Optional<String> settlementFile();

  /**
   * Single settlement settings applied last: {@code
   * uei.bpp.delivery.settlement."tariff.TPDDL"=7.20}.
   */
  @WithName("settlement")
  Map<String, String> settlement();
}
