package org.uei.p2p.bpp.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.uei.p2p.market.billing.BillingLine;
import org.uei.p2p.market.dre.DreReport;
import org.uei.p2p.market.settlement.SettlementStatement;
import org.uei.p2p.market.settlement.StatementWriter;
import org.uei.p2p.node.domain.Refusal;

/**
 * Allocation and settlement for the platform operator: run a delivery day, read the statement with
 * a buyer platform for a period (JSON or CSV), and the monthly DISCOM billing file.
 */
@Path("/provider/settlement")
public class SettlementResource {

  @Inject SettlementRun runs;
  @Inject Settlements settlements;
  @Inject DeliveryConfig config;

  /** Allocates and settles delivery day {@code day} (YYYY-MM-DD in the network's zone). */
  @POST
  @Path("/run")
  @Produces(MediaType.APPLICATION_JSON)
  public SettlementRun.Result run(@QueryParam("day") String day) {
    return runs.run(date(day, "day"));
  }

  /**
   * The statement for delivery days {@code from} to {@code to} inclusive, with every buyer platform
   * or only {@code counterparty}; {@code format} json (default) or csv.
   */
  @GET
  @Path("/statement")
  public Response statement(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("counterparty") String counterparty,
      @QueryParam("format") String format)
      throws IOException {
    ZoneId zone = ZoneId.of(config.zone());
    LocalDate first = date(from, "from");
    LocalDate last = to == null ? first : date(to, "to");
    if (last.isBefore(first)) {
      throw Refusal.invalid("'to' " + last + " is before 'from' " + first);
    }
    SettlementStatement st =
        settlements.statement(
            first.atStartOfDay(zone).toInstant(),
            last.plusDays(1).atStartOfDay(zone).toInstant(),
            Optional.ofNullable(counterparty));
    if (csv(format)) {
      StringWriter out = new StringWriter();
      StatementWriter.toCsv(st, out);
      return Response.ok(out.toString(), "text/csv").build();
    }
    return Response.ok(StatementWriter.toJson(st), MediaType.APPLICATION_JSON).build();
  }

  /**
   * The DRE compliance report of {@code month} (YYYY-MM): settled rooftop-solar kWh per DISCOM and
   * state with the trades behind each figure; {@code format} csv (default), text or json.
   */
  @GET
  @Path("/dre")
  public Response dre(@QueryParam("month") String month, @QueryParam("format") String format)
      throws IOException {
    DreReport.Report r = settlements.dre(month(month));
    String f = format == null ? "csv" : format.toLowerCase(java.util.Locale.ROOT);
    switch (f) {
      case "csv" -> {
        StringWriter out = new StringWriter();
        DreReport.writeCsv(r, out);
        return Response.ok(out.toString(), "text/csv").build();
      }
      case "text" -> {
        return Response.ok(DreReport.summary(r), MediaType.TEXT_PLAIN + ";charset=UTF-8").build();
      }
      case "json" -> {
        return Response.ok(DreJson.of(r), MediaType.APPLICATION_JSON).build();
      }
      default -> throw Refusal.invalid("format must be csv, text or json, not '" + format + "'");
    }
  }

  /** The settlement profile in force: name, version, source and every value, for operators. */
  @GET
  @Path("/profile")
  @Produces(MediaType.APPLICATION_JSON)
  public Response profile() {
    return Response.ok(DreJson.profile(settlements.profile()), MediaType.APPLICATION_JSON).build();
  }

  private static YearMonth month(String month) {
    try {
      return YearMonth.parse(month == null ? "" : month);
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("month must be YYYY-MM, not '" + month + "'");
    }
  }

  /** The DISCOM billing reconciliation of {@code month} (YYYY-MM): csv (default) or json. */
  @GET
  @Path("/report")
  public Response report(
      @QueryParam("month") String month,
      @QueryParam("discom") String discom,
      @QueryParam("format") String format)
      throws IOException {
    YearMonth m = month(month);
    if (format == null || csv(format)) {
      return Response.ok(settlements.billingCsv(m, Optional.ofNullable(discom)), "text/csv")
          .build();
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (BillingLine l : settlements.billing(m, Optional.ofNullable(discom))) {
      out.addObject()
          .put("accountId", l.accountId())
          .put("meterId", l.meterId())
          .put("month", l.month().toString())
          .put("p2pBoughtKwh", DreJson.kwh(l.boughtKwh()))
          .put("p2pSoldKwh", DreJson.kwh(l.soldKwh()))
          .put("curtailedKwh", DreJson.kwh(l.curtailedKwh()))
          .put("wheeling", l.wheeling())
          .put("interState", l.interState())
          .put("deviation", l.deviation())
          .put("curtailmentCredit", l.curtailmentCredit())
          .put("totalCharges", l.totalCharges())
          .put("trades", l.trades());
    }
    return Response.ok(out, MediaType.APPLICATION_JSON).build();
  }

  private static boolean csv(String format) {
    if (format == null || format.equalsIgnoreCase("json")) {
      return false;
    }
    if (format.equalsIgnoreCase("csv")) {
      return true;
    }
    throw Refusal.invalid("format must be csv or json, not '" + format + "'");
  }

  private static LocalDate date(String text, String name) {
    try {
      return LocalDate.parse(text == null ? "" : text);
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(name + " must be a date YYYY-MM-DD, not '" + text + "'");
    }
  }
}
