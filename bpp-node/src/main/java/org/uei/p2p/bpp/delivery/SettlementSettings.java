package org.uei.p2p.bpp.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.market.settlement.profile.PolicySettings;
import org.uei.p2p.market.settlement.profile.PolicySettingsException;
import org.uei.p2p.market.settlement.profile.SettlementProfile;

/**
 * The node's settlement profile, built once from {@code uei.bpp.delivery.settlement-profile},
 * {@code settlement-file} and single {@code settlement."key"} values. Checked at start: a bad value
 * stops the node with one line per problem, each naming the setting, so a wrong rate never reaches
 * a statement or a bill.
 */
@ApplicationScoped
public class SettlementSettings {
  static final String PREFIX = "uei.bpp.delivery.";

  @Inject DeliveryConfig config;
  private volatile SettlementProfile profile;

  void check(@Observes StartupEvent event) {
    try {
      SettlementProfile p = profile();
      Log.infof("settling under %s (%s)", p.label(), p.title());
    } catch (PolicySettingsException e) {
      for (String line : e.problems()) {
        Log.error("uei: settlement setting " + line);
        System.err.println("uei: settlement setting " + line);
      }
      throw new IllegalStateException(
          "bad settlement settings: " + String.join("; ", e.problems()));
    }
  }

  /** The profile in force. */
  public SettlementProfile profile() {
    SettlementProfile p = profile;
    if (p == null) {
      p = build(config);
      profile = p;
    }
    return p;
  }

  /** The profile {@code config} describes, or every problem with it. */
  static SettlementProfile build(DeliveryConfig config) {
    PolicySettings s =
        PolicySettings.builder().profile(config.settlementProfile(), PREFIX + "settlement-profile");
    config.settlementFile().ifPresent(f -> s.file(Path.of(f), PREFIX + "settlement-file"));
    config
        .platformFeePerKwh()
        .ifPresent(v -> s.value("fee.per-kwh", v, PREFIX + "platform-fee-per-kwh"));
    config
        .defaultTariffPerKwh()
        .ifPresent(v -> s.value("tariff.default", v, PREFIX + "default-tariff-per-kwh"));
    for (Map.Entry<String, String> e : new TreeMap<>(config.settlement()).entrySet()) {
      String key = e.getKey().replace("\"", "");
      s.value(key, e.getValue(), PREFIX + "settlement.\"" + key + "\"");
    }
    return s.build();
  }
}
