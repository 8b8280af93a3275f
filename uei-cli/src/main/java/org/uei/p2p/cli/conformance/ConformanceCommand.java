package org.uei.p2p.cli.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.conformance.report.HtmlReport;
import org.uei.p2p.conformance.report.JUnitXmlReport;
import org.uei.p2p.conformance.setup.WireProbe.Wire;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uei conformance}: runs the conformance kit against a joiner's BAP or BPP and writes the
 * console summary, {@code junit.xml} and {@code report.html}. Exit 0 when every mandatory case
 * passed, 1 when one did not, 2 when the run could not start (one line naming the fix).
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    subcommands = {DoctorCommand.class, CommandLine.HelpCommand.class},
    description = {
      "Test a BAP, BPP or DISCOM ledger provider against the protocol and the energy trading rules.",
      "",
      "--role bpp: the kit plays a buyer platform and runs its cases against the BPP at --target. The BPP must",
      "look keys up in --registry and have an open offer of 1 kWh or more for a slot more than 4 h ahead.",
      "On --wire wave2 the kit also plays both DISCOMs' ledger providers (--ledger-port, --buyer-ledger-port).",
      "",
      "--role bap: the kit plays a seller platform; the BAP at --target runs its usual flow against it, "
          + "started with --trigger bap-node:URL or by the joiner within --wait.",
      "",
      "--role ledger: the kit plays both platforms of a trade, the ledger's DISCOM (--ledger-discom, signing as",
      "--discom-signer) and a stranger against the DEG Ledger Service API at --target (wave 2).",
      "",
      "First time? Start a registry ('uei registry serve'), point your node at it, then run",
      "'uei conformance doctor' with the same options: it checks registry, target, keys and offer and says",
      "what to fix. The run makes the same checks first.",
      "",
      "Reports go to --report-dir (report.html, junit.xml). Exit code: 0 every mandatory case passed, "
          + "1 one did not, 2 the run could not start (one line on stderr naming the fix).",
      ""
    })
public final class ConformanceCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin KitOptions options;

  @CommandLine.Mixin WireOptions wire;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      defaultValue = "conformance-report",
      description = "Where junit.xml and report.html go (default ./conformance-report).")
  Path reportDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try {
      options.validate(spec.commandLine());
      ConformanceReport report = options.withRegistry(out, registryUrl -> run(out, registryUrl));
      Files.createDirectories(reportDir);
      Files.writeString(
          reportDir.resolve("junit.xml"), JUnitXmlReport.render(report), StandardCharsets.UTF_8);
      Files.writeString(
          reportDir.resolve("report.html"), HtmlReport.render(report), StandardCharsets.UTF_8);
      out.print(ConsoleReport.render(report));
      out.println(
          "reports: " + reportDir.resolve("report.html") + ", " + reportDir.resolve("junit.xml"));
      out.flush();
      return report.passed() ? 0 : 1;
    } catch (ConformanceSetupException
        | IOException
        | UncheckedIOException
        | IllegalArgumentException e) {
      out.flush();
      spec.commandLine().getErr().println("uei: " + firstLine(e.getMessage()));
      return 2;
    }
  }

  private ConformanceReport run(PrintWriter out, String registryUrl)
      throws ConformanceSetupException, IOException, InterruptedException {
    KitIdentity identity = options.identity();
    if ("ledger".equals(options.role)) {
      wire.resolve(options, out);
      out.println(
          "running the ledger cases against "
              + options.target
              + " as the platforms, DISCOM "
              + wire.ledgerDiscom
              + " and a stranger ...");
      out.flush();
      return wire.ledger(options, identity, registryUrl)
          .run(
              line -> {
                out.println("  " + line);
                out.flush();
              });
    }
    if ("bap".equals(options.role)) {
      Wire w = wire.resolve(options, out);
      if (w == Wire.UEI_V1) {
        options.ueiV1Domain();
        out.println(
            "the kit serves a UEI v1 (Beckn 1.1.0) seller platform as "
                + identity.subscriberId()
                + " ...");
        out.flush();
        return options
            .ueiV1Bap(identity, registryUrl)
            .run(
                line -> {
                  out.println("  " + line);
                  out.flush();
                });
      }
      if (w == Wire.WAVE2) {
        out.println(
            "the kit serves a wave-2 seller platform as " + identity.subscriberId() + " ...");
        out.flush();
        return wire.bap(options, identity, registryUrl)
            .run(
                line -> {
                  out.println("  " + line);
                  out.flush();
                });
      }
      var bap = options.bap(identity, registryUrl);
      out.println(
          "the kit serves a seller platform as "
              + identity.subscriberId()
              + (options.trigger == null
                  ? "; run discover, select "
                      + org.uei.p2p.conformance.bap.BapConformance.OFFER_ID
                      + ", init, confirm and status from the BAP within "
                      + options.waitFor
                  : "")
              + " ...");
      out.flush();
      return bap.run(
          line -> {
            out.println("  " + line);
            out.flush();
          });
    }
    Wire w = wire.resolve(options, out);
    out.println(
        "running the "
            + w.option()
            + " BPP cases against "
            + options.target
            + " as "
            + identity.subscriberId()
            + " ...");
    out.flush();
    if (w == Wire.UEI_V1) {
      options.ueiV1Domain();
      return options
          .ueiV1Bpp(identity, registryUrl, out)
          .run(
              line -> {
                out.println("  " + line);
                out.flush();
              });
    }
    if (w == Wire.WAVE2) {
      return wire.bpp(options, identity, registryUrl)
          .run(
              line -> {
                out.println("  " + line);
                out.flush();
              });
    }
    return options
        .bpp(identity, registryUrl, out)
        .run(
            line -> {
              out.println("  " + line);
              out.flush();
            });
  }

  static String firstLine(String s) {
    return s == null ? "failed" : s.lines().findFirst().orElse(s);
  }
}
