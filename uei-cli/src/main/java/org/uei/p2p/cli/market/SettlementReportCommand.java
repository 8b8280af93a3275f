package org.uei.p2p.cli.market;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uei settlement report --node URL --month YYYY-MM [--format csv|json] [--discom ID]}: the
 * monthly DISCOM billing reconciliation of a seller platform node, written to standard output; with
 * {@code --dre} the month's DRE compliance report instead ({@code --format csv|text|json}).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "The monthly DISCOM billing reconciliation (P2P kWh and charges per consumer account).",
      "With --dre: the DRE compliance report (settled rooftop-solar kWh per DISCOM and state, with the "
          + "meters and trades behind each figure)."
    })
public final class SettlementReportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--node",
      required = true,
      paramLabel = "URL",
      description = "Base URL of the seller platform node.")
  String node;

  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Billing month.")
  String month;

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "csv|json|text",
      description = "Output format (default csv; text only with --dre).")
  String format;

  @Option(
      names = "--dre",
      description = "The DRE compliance report of the month instead of the billing file.")
  boolean dre;

  @Option(names = "--discom", paramLabel = "ID", description = "Only this DISCOM's accounts.")
  String discom;

  @Override
  public Integer call() throws IOException {
    try {
      YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--month must be YYYY-MM, not '" + month + "'");
    }
    String query;
    if (dre) {
      if (!format.equals("csv") && !format.equals("json") && !format.equals("text")) {
        throw new IllegalArgumentException(
            "--format must be csv, text or json, not '" + format + "'");
      }
      if (discom != null) {
        throw new IllegalArgumentException(
            "--discom does not apply to --dre: the report lists every DISCOM");
      }
      query = "/provider/settlement/dre?month=" + month + "&format=" + format;
    } else {
      if (!format.equals("csv") && !format.equals("json")) {
        throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
      }
      query =
          "/provider/settlement/report?month="
              + month
              + "&format="
              + format
              + (discom == null
                  ? ""
                  : "&discom="
                      + java.net.URLEncoder.encode(
                          discom, java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpResponse<String> r =
        NodeHttp.send(HttpRequest.newBuilder(NodeHttp.uri(node, query)).GET(), node);
    if (r.statusCode() != 200) {
      throw new IllegalArgumentException(NodeHttp.error(r));
    }
    spec.commandLine().getOut().print(r.body());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
