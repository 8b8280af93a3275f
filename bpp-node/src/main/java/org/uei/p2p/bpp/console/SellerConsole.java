package org.uei.p2p.bpp.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.ledger.LedgerConfig;
import org.uei.p2p.node.console.ConsoleSection;

/**
 * The console pages of this node's mode: a seller platform's or a DISCOM utility's, the meter data
 * imports of both, and the ledger's records where the node keeps one.
 */
@ApplicationScoped
public class SellerConsole implements ConsoleSection {

  @Inject BppConfig config;
  @Inject LedgerConfig ledger;

  @Override
  public List<Link> links() {
    List<Link> links = new ArrayList<>();
    if (config.utilityMode()) {
      links.add(new Link("Consumers", "/console/utility/consumers"));
      links.add(new Link("Trades", "/console/utility/trades"));
      links.add(new Link("P2P flows (SLDC)", "/console/utility/flows"));
    } else {
      links.add(new Link("Orders", "/console/seller/orders"));
      links.add(new Link("Offers", "/console/seller/offers"));
      links.add(new Link("Cascades", "/console/seller/cascades"));
      links.add(new Link("Allocations", "/console/seller/allocations"));
      links.add(new Link("Settlements", "/console/seller/settlements"));
    }
    links.add(new Link("Meter data", "/console/meter-data"));
    if (ledger.enabled()) {
      links.add(new Link("Ledger", "/console/ledger"));
    }
    return links;
  }
}
