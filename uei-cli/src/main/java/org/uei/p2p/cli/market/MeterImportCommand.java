package org.uei.p2p.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code uei meter import --node URL FILE}: posts an MDMS batch CSV to a node and prints the import
 * report. Exit 0 when every row was stored or already there, 1 when rows were rejected, 2 when the
 * file could not be read or the node refused it.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import an MDMS batch CSV (meter_id,block_start,block_minutes,import_kwh,export_kwh) into a node.")
public final class MeterImportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--node",
      required = true,
      paramLabel = "URL",
      description = "Base URL of the seller platform node.")
  String node;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
  Path file;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      err.println("uei: cannot read " + file);
      return 2;
    }
    HttpResponse<String> r =
        NodeHttp.send(
            HttpRequest.newBuilder(NodeHttp.uri(node, "/provider/meter-data/csv"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)),
            node);
    if (r.statusCode() != 200) {
      err.println("uei: " + file + ": " + NodeHttp.error(r));
      return 2;
    }
    JsonNode report = new ObjectMapper().readTree(r.body());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s: %d rows, %d added, %d unchanged, %d rejected%n",
        file,
        report.path("rowsRead").asLong(),
        report.path("added").asLong(),
        report.path("unchanged").asLong(),
        report.path("rejected").asLong());
    for (JsonNode x : report.path("rejections")) {
      out.printf(
          "  %s: %s: %s%n",
          x.path("location").asText(), x.path("reason").asText(), x.path("message").asText());
    }
    out.flush();
    return report.path("rejected").asLong() == 0 ? 0 : 1;
  }
}
