package org.uei.p2p.bap.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.uei.p2p.node.console.ConsoleSection;

/** The buyer platform's console pages. */
@ApplicationScoped
public class BuyerConsole implements ConsoleSection {

  @Override
  public List<Link> links() {
    return List.of(
        new Link("Requests", "/console/buyer/requests"),
        new Link("Orders", "/console/buyer/requests?action=confirm"),
        new Link("Deliveries and curtailments", "/console/buyer/deliveries"),
        new Link("Statements", "/console/buyer/statements"));
  }
}
