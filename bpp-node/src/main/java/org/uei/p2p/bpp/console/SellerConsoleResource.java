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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.bpp.cascade.CascadeState;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.delivery.Settlements;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.console.BarChart;
import org.uei.p2p.node.console.ConsolePage;
import org.uei.p2p.node.console.ConsoleRoles;

/**
 * The seller platform's console pages: orders (each linked to its transaction's messages),
 * prosumers with their offers and remaining kWh per slot, the cascades to the DISCOMs' utility
 * nodes with their legs, allocations and settlements per day with the net amount per counterparty,
 * and the DISCOM billing file of a month.
 */
@Path("/console/seller")
@RolesAllowed(ConsoleRoles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class SellerConsoleResource {

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** The longest period one settlements page covers. */
  static final int MAX_DAYS = 62;

  @Inject ConsolePage page;
  @Inject SellerViews views;
  @Inject Settlements settlements;
  @Inject BppConfig config;
  @Inject MarketClock market;
  @Inject CascadeViews cascades;
  @Inject AllocationViews allocations;

  @Location("seller/orders.html")
  Template orders;

  @Location("seller/offers.html")
  Template offers;

  @Location("seller/settlements.html")
  Template settlementsPage;

  @Location("seller/cascades.html")
  Template cascadesPage;

  @Location("seller/allocations.html")
  Template allocationsPage;

  /** The newest orders with their state. */
  @GET
  @Path("/orders")
  public TemplateInstance orders() {
    platformOnly();
    return orders
        .data("page", page.frame("Orders", "/console/seller/orders"))
        .data("orders", views.orders());
  }

  /** Prosumers and their offers per slot, from the market's last day on. */
  @GET
  @Path("/offers")
  public TemplateInstance offers() {
    platformOnly();
    return offers
        .data("page", page.frame("Prosumers and offers", "/console/seller/offers"))
        .data("prosumers", views.prosumers(market.now().minus(java.time.Duration.ofDays(1))));
  }

  /** Settlements of the delivery days {@code from} to {@code to} (inclusive; default: a week). */
  @GET
  @Path("/settlements")
  public TemplateInstance settlements(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    platformOnly();
    Days days = days(from, to);
    LocalDate first = days.first();
    LocalDate last = days.last();
    Instant start = days.start();
    Instant end = days.end();
    SellerViews.Period period = views.period(start, end);
    var perDay =
        BarChart.svg(
            "chart-settlement-days",
            "Amount paid by buyers per delivery day",
            period.days().stream().map(d -> d.day().toString()).toList(),
            List.of(
                new BarChart.Series(
                    "paid by buyers", period.days().stream().map(SellerViews.Day::paid).toList())));
    var perSlot =
        BarChart.svg(
            "chart-delivery-slots",
            "Contracted and delivered kWh per slot",
            period.slots().stream().map(s -> HOUR.format(s.start())).toList(),
            List.of(
                new BarChart.Series(
                    "contracted kWh",
                    period.slots().stream().map(SellerViews.Slot::contractedKwh).toList()),
                new BarChart.Series(
                    "delivered kWh",
                    period.slots().stream().map(SellerViews.Slot::settledKwh).toList())));
    return settlementsPage
        .data("page", page.frame("Settlements", "/console/seller/settlements"))
        .data("from", first.toString())
        .data("to", last.toString())
        .data("month", YearMonth.from(last).toString())
        .data("period", period)
        .data(
            "totalPaid",
            period.days().stream()
                .map(SellerViews.Day::paid)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
        .data("perDay", perDay)
        .data("perSlot", perSlot);
  }

  /** The cascades to the DISCOMs' utility nodes, newest first, each with its legs. */
  @GET
  @Path("/cascades")
  public TemplateInstance cascades(
      @QueryParam("status") String status, @QueryParam("page") String pageNo) {
    platformOnly();
    CascadeState only;
    try {
      only =
          status == null || status.isBlank()
              ? null
              : CascadeState.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "status: '" + status + "' is not one of " + List.of(CascadeState.values()));
    }
    return cascadesPage
        .data("page", page.frame("Cascades to utilities", "/console/seller/cascades"))
        .data("status", only == null ? "" : only.name())
        .data("states", List.of(CascadeState.values()))
        .data("cascades", cascades.page(only, ConsolePaging.page(pageNo)));
  }

  /** Allocations of the delivery days {@code from} to {@code to}, per day and per trade. */
  @GET
  @Path("/allocations")
  public TemplateInstance allocations(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String pageNo)
      throws SQLException {
    platformOnly();
    Days days = days(from, to);
    List<AllocationViews.Day> perDay = allocations.days(days.start(), days.end(), views.zone());
    var chart =
        BarChart.svg(
            "chart-allocation-days",
            "Contracted and allocated kWh per delivery day",
            perDay.stream().map(d -> d.day().toString()).toList(),
            List.of(
                new BarChart.Series(
                    "contracted kWh",
                    perDay.stream().map(AllocationViews.Day::contractedKwh).toList()),
                new BarChart.Series(
                    "buyer side kWh", perDay.stream().map(AllocationViews.Day::buyerKwh).toList()),
                new BarChart.Series(
                    "seller side kWh",
                    perDay.stream().map(AllocationViews.Day::sellerKwh).toList())));
    return allocationsPage
        .data("page", page.frame("Allocations", "/console/seller/allocations"))
        .data("from", days.first().toString())
        .data("to", days.last().toString())
        .data("days", perDay)
        .data("chart", chart)
        .data("rows", allocations.page(days.start(), days.end(), ConsolePaging.page(pageNo)));
  }

  /** The DISCOM billing file of {@code month} (YYYY-MM), as a CSV download. */
  @GET
  @Path("/billing.csv")
  @Produces("text/csv")
  public Response billing(@QueryParam("month") String month, @QueryParam("discom") String discom)
      throws IOException {
    platformOnly();
    YearMonth m;
    try {
      m = YearMonth.parse(month == null ? "" : month);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("month: '" + month + "' is not a month like 2026-11");
    }
    Optional<String> only =
        discom == null || discom.isBlank() ? Optional.empty() : Optional.of(discom.trim());
    return Response.ok(settlements.billingCsv(m, only), "text/csv")
        .header(
            "Content-Disposition",
            "attachment; filename=\"discom-billing-"
                + m
                + only.map(d -> "-" + d).orElse("")
                + ".csv\"")
        .build();
  }

  private void platformOnly() {
    if (config.utilityMode()) {
      throw new NotFoundException();
    }
  }

  /** A period of delivery days, and the instants it spans in the delivery zone. */
  record Days(LocalDate first, LocalDate last, Instant start, Instant end) {}

  /** The days {@code from} to {@code to} (default: the market's last seven days), checked. */
  private Days days(String from, String to) {
    // The market's day: on a demo or test network the market clock runs ahead of the system's.
    LocalDate today = LocalDate.now(market.clock().withZone(views.zone()));
    LocalDate last = day(to, "to", today);
    LocalDate first = day(from, "from", last.minusDays(6));
    if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new BadRequestException(
          "from must not be after to, and a page covers at most " + MAX_DAYS + " days");
    }
    return new Days(
        first,
        last,
        first.atStartOfDay(views.zone()).toInstant(),
        last.plusDays(1).atStartOfDay(views.zone()).toInstant());
  }

  private static LocalDate day(String value, String name, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + ": '" + value + "' is not a day like 2026-11-25");
    }
  }
}
