package org.uei.p2p.bap.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.uei.p2p.bap.delivery.BuyerStatements;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.console.ConsolePage;
import org.uei.p2p.node.console.ConsoleRoles;

/**
 * The buyer platform's console pages: requests with their correlated callbacks (orders are the
 * confirms), deliveries and curtailments the seller platforms reported, and the platform's own
 * statement on the page and as a download.
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

  @Location("buyer/statements.html")
  Template statementsPage;

  /** The longest period one statement page covers. */
  static final int MAX_DAYS = 62;

  @Inject StatementView statementView;

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
        .data("page", page.frame("Deliveries and curtailments", "/console/buyer/deliveries"))
        .data("deliveries", views.deliveries())
        .data("curtailments", views.curtailments())
        .data("from", today.minusDays(6).toString())
        .data("to", today.toString());
  }

  /**
   * The statement of delivery days {@code from} to {@code to} (IST; default: the market's last
   * seven days) on the page: net amounts per seller platform, wave-2 revenue flows, and the buyer
   * DISCOM's allocations.
   */
  @GET
  @Path("/statements")
  public TemplateInstance statements(@QueryParam("from") String from, @QueryParam("to") String to)
      throws Exception {
    LocalDate today = LocalDate.now(market.clock().withZone(IST));
    LocalDate last = day(to, "to", today);
    LocalDate first = day(from, "from", last.minusDays(6));
    if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new BadRequestException(
          "from must not be after to, and a page covers at most " + MAX_DAYS + " days");
    }
    return statementsPage
        .data("page", page.frame("Statements", "/console/buyer/statements"))
        .data("from", first.toString())
        .data("to", last.toString())
        .data("statement", statementView.statement(first, last))
        .data("allocations", statementView.allocations());
  }

  private static LocalDate day(String value, String name, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + ": '" + value + "' is not a day like 2026-11-25");
    }
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
