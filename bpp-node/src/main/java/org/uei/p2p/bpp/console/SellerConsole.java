package org.uei.p2p.bpp.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.node.console.ConsoleSection;

/** The console pages of this node's mode: a seller platform's, or a DISCOM utility's. */
@ApplicationScoped
public class SellerConsole implements ConsoleSection {

  @Inject BppConfig config;

  @Override
  public List<Link> links() {
    if (config.utilityMode()) {
      return List.of(
          new Link("Consumers", "/console/utility/consumers"),
          new Link("Trades", "/console/utility/trades"),
          new Link("P2P flows (SLDC)", "/console/utility/flows"));
    }
    return List.of(
        new Link("Orders", "/console/seller/orders"),
        new Link("Offers", "/console/seller/offers"),
        new Link("Settlements", "/console/seller/settlements"));
  }
}
