package org.uei.p2p.bpp.handler;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.utility.UtilityHandler;
import org.uei.p2p.node.handler.BecknHandler;

/**
 * The node's one {@link BecknHandler}, chosen by {@code uei.bpp.mode}: the seller platform's {@link
 * BppHandler} (default) or a DISCOM utility node's {@link UtilityHandler}.
 */
@ApplicationScoped
public class HandlerSelection {

  @Produces
  @ApplicationScoped
  BecknHandler handler(
      BppConfig config, Instance<BppHandler> platform, Instance<UtilityHandler> utility) {
    return config.utilityMode() ? utility.get() : platform.get();
  }

  void check(@Observes StartupEvent event, BppConfig config) {
    String mode = config.mode().trim().toLowerCase();
    if (!mode.equals("platform") && !mode.equals("utility")) {
      throw new IllegalStateException(
          "uei.bpp.mode must be platform or utility, not '" + config.mode() + "'");
    }
    if (config.utilityMode() && config.utility().discomId().filter(d -> !d.isBlank()).isEmpty()) {
      throw new IllegalStateException(
          "missing configuration: uei.bpp.utility.discom-id (UEI_BPP_UTILITY_DISCOM_ID) is required in utility mode");
    }
  }
}
