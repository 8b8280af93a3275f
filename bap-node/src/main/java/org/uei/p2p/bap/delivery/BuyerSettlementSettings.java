package org.uei.p2p.bap.delivery;

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
 * The buyer platform's settlement profile, checked at start: a bad value stops the node with one
 * line per problem, each naming the setting.
 */
@ApplicationScoped
public class BuyerSettlementSettings {
  private static final String PREFIX = "uei.bap.delivery.";

  @Inject BuyerSettlementConfig config;
  private volatile SettlementProfile profile;

  void check(@Observes StartupEvent event) {
    try {
      Log.infof("settling under %s", profile().label());
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
      PolicySettings s =
          PolicySettings.builder()
              .profile(config.settlementProfile(), PREFIX + "settlement-profile");
      config.settlementFile().ifPresent(f -> s.file(Path.of(f), PREFIX + "settlement-file"));
      for (Map.Entry<String, String> e : new TreeMap<>(config.settlement()).entrySet()) {
        String key = e.getKey().replace("\"", "");
        s.value(key, e.getValue(), PREFIX + "settlement.\"" + key + "\"");
      }
      p = s.build();
      profile = p;
    }
    return p;
  }
}
