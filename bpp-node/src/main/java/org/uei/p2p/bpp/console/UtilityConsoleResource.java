package org.uei.p2p.bpp.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.market.rules.TradingRules;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.console.BarChart;
import org.uei.p2p.node.console.ConsolePage;
import org.uei.p2p.node.console.ConsoleRoles;

/**
 * A DISCOM utility node's console pages: consumers with sanctioned load and headroom, the trades
 * recorded with their curtailments and deliveries, and the SLDC view of P2P flows per DISCOM pair.
 */
@Path("/console/utility")
@RolesAllowed(ConsoleRoles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class UtilityConsoleResource {

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Inject ConsolePage page;
  @Inject UtilityViews views;
  @Inject BppConfig config;
  @Inject MarketClock market;
  @Inject TradingRules rules;

  /** The longest period one flows page covers. */
  static final int MAX_DAYS = 31;

  @Location("seller/consumers.html")
  Template consumers;

  @Location("seller/trades.html")
  Template trades;

  @Location("seller/flows.html")
  Template flows;

  /** One chart per DISCOM pair. */
  @io.quarkus.qute.TemplateData
  public record PairChart(
      String pair, io.quarkus.qute.RawString svg, List<UtilityViews.Flow> hours) {}

  /**
   * Consumers with sanctioned load, and their headroom in each slot they trade in from a day ago
   * (on the market clock) on.
   */
  @GET
  @Path("/consumers")
  public TemplateInstance consumers(@QueryParam("page") String pageNo) {
    utilityOnly();
    return consumers
        .data("page", page.frame("Consumers", "/console/utility/consumers"))
        .data(
            "consumers",
            views.consumers(ConsolePaging.page(pageNo), market.now().minus(Duration.ofDays(1))));
  }

  /** Trades recorded, curtailed and delivered. */
  @GET
  @Path("/trades")
  public TemplateInstance trades() {
    utilityOnly();
    return trades
        .data("page", page.frame("Recorded trades", "/console/utility/trades"))
        .data("trades", views.trades());
  }

  /**
   * Contracted and delivered kWh per hour, one chart per DISCOM pair, for the delivery days {@code
   * from} to {@code to} (default: the market's last seven days and tomorrow).
   */
  @GET
  @Path("/flows")
  public TemplateInstance flows(@QueryParam("from") String from, @QueryParam("to") String to)
      throws SQLException {
    utilityOnly();
    LocalDate today = LocalDate.now(market.clock().withZone(rules.zone()));
    LocalDate last = day(to, "to", today.plusDays(1));
    LocalDate first = day(from, "from", today.minusDays(6));
    if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new BadRequestException(
          "from must not be after to, and a page covers at most " + MAX_DAYS + " days");
    }
    Map<String, List<UtilityViews.Flow>> byPair = new LinkedHashMap<>();
    for (UtilityViews.Flow f :
        views.flows(
            first.atStartOfDay(rules.zone()).toInstant(),
            last.plusDays(1).atStartOfDay(rules.zone()).toInstant())) {
      byPair.computeIfAbsent(f.pair(), p -> new ArrayList<>()).add(f);
    }
    List<PairChart> charts = new ArrayList<>();
    int n = 0;
    for (var e : byPair.entrySet()) {
      List<UtilityViews.Flow> hours = e.getValue();
      charts.add(
          new PairChart(
              e.getKey(),
              BarChart.svg(
                  "chart-flows-" + n++,
                  "Contracted and delivered kWh per hour, " + e.getKey(),
                  hours.stream().map(f -> HOUR.format(f.hour())).toList(),
                  List.of(
                      new BarChart.Series(
                          "contracted kWh",
                          hours.stream().map(UtilityViews.Flow::contractedKwh).toList()),
                      new BarChart.Series(
                          "delivered kWh",
                          hours.stream().map(UtilityViews.Flow::deliveredKwh).toList()))),
              hours));
    }
    return flows
        .data("page", page.frame("P2P flows per DISCOM pair", "/console/utility/flows"))
        .data("from", first.toString())
        .data("to", last.toString())
        .data("charts", charts);
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

  private void utilityOnly() {
    if (!config.utilityMode()) {
      throw new NotFoundException();
    }
  }
}
