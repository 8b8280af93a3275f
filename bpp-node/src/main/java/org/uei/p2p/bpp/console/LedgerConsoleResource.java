package org.uei.p2p.bpp.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.uei.p2p.bpp.ledger.LedgerConfig;
import org.uei.p2p.node.console.ConsolePage;
import org.uei.p2p.node.console.ConsoleRoles;

/**
 * A ledger provider's console page ({@code uei.bpp.ledger.enabled}): its records with the allocated
 * actuals, what it reported to the platforms, and the actuals it asked its DISCOM for. Not there on
 * a node that keeps no ledger.
 */
@Path("/console/ledger")
@RolesAllowed(ConsoleRoles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class LedgerConsoleResource {

  @Inject ConsolePage page;
  @Inject LedgerViews views;
  @Inject LedgerConfig config;

  @Location("seller/ledger.html")
  Template ledger;

  /** Page {@code page} of the records, and the newest reports and actuals requests. */
  @GET
  public TemplateInstance records(@QueryParam("page") String pageNo) throws SQLException {
    if (!config.enabled()) {
      throw new NotFoundException();
    }
    return ledger
        .data("page", page.frame("Ledger records", "/console/ledger"))
        .data("records", views.page(ConsolePaging.page(pageNo)))
        .data("reports", views.reports())
        .data("asked", views.asked());
  }
}
