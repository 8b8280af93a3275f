package org.uei.p2p.cli.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.setup.Preflight;
import org.uei.p2p.conformance.setup.SetupCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code uei conformance doctor}: checks, without running the cases, what a run needs, one line per
 * check, and for the first that fails what to fix. Exit 0 when a run can start, 2 when not.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check what a conformance run needs, with the same options as the run: the registry answers,",
      "the target answers, the target's key (with --target-id) and the kit's key are in the registry, and",
      "for role bpp an open offer the kit can trade against (role ledger: the ledger answers). Prints one",
      "line per check and, for the first that fails, what to fix. Exit 0 when a run can start, 2 when it",
      "cannot."
    })
public final class DoctorCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin KitOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<SetupCheck> checks;
    try {
      options.validate(spec.commandLine());
      checks = options.withRegistry(out, this::checks);
    } catch (ConformanceSetupException
        | IOException
        | UncheckedIOException
        | IllegalArgumentException e) {
      out.flush();
      spec.commandLine().getErr().println("uei: " + ConformanceCommand.firstLine(e.getMessage()));
      return 2;
    }
    checks.forEach(c -> out.println(c.line()));
    out.flush();
    SetupCheck failed = checks.stream().filter(c -> !c.ok()).findFirst().orElse(null);
    if (failed != null) {
      spec.commandLine().getErr().println("uei: " + failed.error());
      return 2;
    }
    out.println("ready: uei conformance with the same options can run");
    return 0;
  }

  private List<SetupCheck> checks(String registryUrl) throws InterruptedException {
    Preflight pre = new Preflight();
    List<SetupCheck> checks = new ArrayList<>(List.of(pre.registry(registryUrl)));
    if (options.targetId != null && checks.get(0).ok()) {
      checks.add(
          pre.key(
              "target key",
              registryUrl,
              options.targetId,
              options.targetKeyId,
              options.targetPublicKey,
              "register "
                  + options.targetId
                  + " with key "
                  + options.targetKeyId
                  + " and its signing public key in the"
                  + " registry"
                  + (options.registry == null
                      ? " (with the kit's own registry: --target-public-key)"
                      : "")));
    }
    if (checks.stream().anyMatch(c -> !c.ok())) {
      return checks;
    }
    if ("bap".equals(options.role)) {
      checks.add(pre.target(options.target, "bap"));
      return checks;
    }
    if ("ledger".equals(options.role)) {
      // The ledger's cases need no offer: the kit writes its own trade.
      checks.add(pre.target(options.target, "ledger provider"));
      return checks;
    }
    KitIdentity identity = options.identity();
    // The registry was checked above; the kit's own checks repeat it as their first.
    options.bpp(identity, registryUrl, new PrintWriter(PrintWriter.nullWriter())).doctor().stream()
        .filter(c -> !"registry".equals(c.name()))
        .forEach(checks::add);
    return checks;
  }
}
