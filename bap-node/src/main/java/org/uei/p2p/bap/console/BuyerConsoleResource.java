package org.uei.p2p.bap.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.uei.p2p.bap.delivery.BuyerStatements;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.console.ConsolePage;
import org.uei.p2p.node.console.ConsoleRoles;

/**
 * The buyer platform's console pages: requests with their correlated callbacks (orders are the
 * confirms), deliveries and curtailments the seller platforms reported, and the platform's own
 * statement as a download.
 */
@Path("/console/buyer")
@RolesAllowed(ConsoleRoles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class BuyerConsoleResource {

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  @Inject ConsolePage page;
  @Inject BuyerViews views;
  @Inject BuyerStatements statements;
  @Inject MarketClock market;

  @Location("buyer/requests.html")
  Template requests;

  @Location("buyer/deliveries.html")
  Template deliveries;

  /** The newest requests, of one action when {@code action} is given. */
  @GET
  @Path("/requests")
  public TemplateInstance requests(@QueryParam("action") String action) {
    String only = action == null || action.isBlank() ? null : action.trim();
    boolean orders = "confirm".equals(only);
    return requests
        .data(
            "page",
            page.frame(
                orders ? "Orders (confirms)" : "Requests",
                orders ? "/console/buyer/requests?action=confirm" : "/console/buyer/requests"))
        .data("action", only)
        .data("requests", views.requests(only));
  }

  /** Deliveries and curtailments reported, and the statement download. */
  @GET
  @Path("/deliveries")
  public TemplateInstance deliveries() throws SQLException {
    LocalDate today = LocalDate.now(market.clock().withZone(IST));
    return deliveries
        .data("page", page.frame("Deliveries and statements", "/console/buyer/deliveries"))
        .data("deliveries", views.deliveries())
        .data("curtailments", views.curtailments())
        .data("from", today.minusDays(6).toString())
        .data("to", today.toString());
  }

  /** The platform's settlement statement for delivery days {@code from} to {@code to}, as CSV. */
  @GET
  @Path("/statement.csv")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response statement(@QueryParam("from") String from, @QueryParam("to") String to)
      throws Exception {
    Response r = statements.statement(from, to, "csv");
    if (r.getStatus() != 200) {
      return r;
    }
    return Response.fromResponse(r)
        .header("Content-Disposition", "attachment; filename=\"statement-" + from + ".csv\"")
        .build();
  }
}
