package org.uei.p2p.cli.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.bap.BapConformance;
import org.uei.p2p.conformance.bap.BapNodeTrigger;
import org.uei.p2p.conformance.bap.BapTrigger;
import org.uei.p2p.conformance.bpp.BppConformance;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.conformance.report.HtmlReport;
import org.uei.p2p.conformance.report.JUnitXmlReport;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uei conformance}: runs the conformance kit against a joiner's BAP or BPP and writes the
 * console summary, {@code junit.xml} and {@code report.html}. Exit 0 when every mandatory case
 * passed, 1 when one did not, 2 when the run could not start.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = {"Test a BAP or BPP against the protocol and the energy trading rules.", "",
        "--role bpp: the kit plays a buyer platform and runs its cases against the BPP at --target.", "",
        "--role bap: the kit plays a seller platform; the BAP at --target runs its usual flow against it, "
            + "started with --trigger bap-node:URL or by the joiner within --wait.", "",
        "Reports go to --report-dir (report.html, junit.xml). Exit code: 0 every mandatory case passed, "
            + "1 one did not, 2 the run could not start.", ""})
public final class ConformanceCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--role", required = true, paramLabel = "bpp|bap", description = "Role of the system under test.")
  String role;

  @Option(names = "--target", required = true, paramLabel = "URL", description = "Beckn endpoint of the system under test.")
  String target;

  @Option(names = "--target-id", paramLabel = "ID", description = "Its subscriber id (default: learnt from its answers).")
  String targetId;

  @Option(names = "--target-public-key", paramLabel = "BASE64",
      description = "Its signing public key: registers it in the kit's own registry (without --registry).")
  String targetPublicKey;

  @Option(names = "--target-key-id", paramLabel = "ID", defaultValue = "k1", description = "Its unique key id (default k1).")
  String targetKeyId;

  @Option(names = "--registry", paramLabel = "URL",
      description = "Registry the target uses. Without it the kit starts its own on --registry-port.")
  String registry;

  @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8090",
      description = "Port of the kit's own registry (default 8090).")
  int registryPort;

  @Option(names = "--subscriber-id", paramLabel = "ID", description = "The kit's subscriber id (default conformance-kit.<role>.local).")
  String subscriberId;

  @Option(names = "--key-id", paramLabel = "ID", defaultValue = "k1", description = "The kit's unique key id (default k1).")
  String keyId;

  @Option(names = "--private-key", paramLabel = "BASE64",
      description = "The kit's registered private key; without it the kit makes a fresh one and registers it "
          + "through the registry's /admin/subscribers (local registries only).")
  String privateKey;

  @Option(names = "--listen-host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Where the kit listens.")
  String listenHost;

  @Option(names = "--listen-port", paramLabel = "PORT", defaultValue = "0", description = "Its port (default: any free).")
  int listenPort;

  @Option(names = "--callback-url", paramLabel = "URL", description = "The kit's URL as the target reaches it (default http://HOST:PORT).")
  String callbackUrl;

  @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "beckn.one:deg:p2p-trading-interdiscom:2.0.0",
      description = "Network domain (default ${DEFAULT-VALUE}).")
  String domain;

  @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "PT30S",
      description = "ttl of the kit's messages and how long it waits for each answer (default PT30S).")
  Duration ttl;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Kolkata", description = "The network's time zone.")
  ZoneId zone;

  @Option(names = "--buyer-meter", paramLabel = "METER", description = "Buyer meter of the kit's orders.")
  String buyerMeter;

  @Option(names = "--buyer-discom", paramLabel = "DISCOM", description = "Buyer DISCOM of the kit's orders.")
  String buyerDiscom;

  @Option(names = "--unsolicited-wait", paramLabel = "DURATION", defaultValue = "PT0S",
      description = "role bpp: how long to wait for an unsolicited on_status after the journey.")
  Duration unsolicitedWait;

  @Option(names = "--trigger", paramLabel = "KIND:URL",
      description = "role bap: how the kit starts the BAP's flow; bap-node:URL drives a bap-node's client API.")
  String trigger;

  @Option(names = "--wait", paramLabel = "DURATION",
      description = "role bap without --trigger: how long the joiner has to run discover, select, init, confirm, status.")
  Duration waitFor;

  @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "conformance-report",
      description = "Where junit.xml and report.html go (default ./conformance-report).")
  Path reportDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try {
      ConformanceReport report = run(out);
      Files.createDirectories(reportDir);
      Files.writeString(reportDir.resolve("junit.xml"), JUnitXmlReport.render(report), StandardCharsets.UTF_8);
      Files.writeString(reportDir.resolve("report.html"), HtmlReport.render(report), StandardCharsets.UTF_8);
      out.print(ConsoleReport.render(report));
      out.println("reports: " + reportDir.resolve("report.html") + ", " + reportDir.resolve("junit.xml"));
      out.flush();
      return report.passed() ? 0 : 1;
    } catch (ConformanceSetupException | IOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("uei: " + firstLine(e.getMessage()));
      return 2;
    }
  }

  private ConformanceReport run(PrintWriter out) throws ConformanceSetupException, IOException, InterruptedException {
    if (!"bpp".equals(role) && !"bap".equals(role)) {
      throw new IllegalArgumentException("--role must be bpp or bap, not '" + role + "'");
    }
    KitIdentity identity = new KitIdentity(subscriberId != null ? subscriberId : "conformance-kit." + role + ".local",
        keyId, privateKey != null ? Ed25519KeyPair.fromPrivateKeyBase64(privateKey) : Ed25519KeyPair.generate());
    LocalRegistry own = null;
    try {
      String registryUrl = registry;
      if (registryUrl == null) {
        own = LocalRegistry.builder().host("127.0.0.1").port(registryPort)
            .dataDir(Files.createTempDirectory("uei-conformance-registry")).start();
        registryUrl = own.baseUrl();
        out.println("kit registry: " + registryUrl);
        if (targetPublicKey != null) {
          if (targetId == null) {
            throw new IllegalArgumentException("--target-public-key needs --target-id");
          }
          KitIdentity.register(registryUrl, targetId, targetKeyId, role.toUpperCase(), target, domain, targetPublicKey);
        }
      }
      // A fresh key must be registered; the kit's own registry learns even a given key this way.
      boolean register = own != null || privateKey == null;
      return runRole(out, identity, registryUrl, register);
    } finally {
      if (own != null) {
        own.close();
      }
    }
  }

  private ConformanceReport runRole(PrintWriter out, KitIdentity identity, String registryUrl, boolean register)
      throws ConformanceSetupException, IOException, InterruptedException {
    if ("bap".equals(role)) {
      return runBap(out, identity, registryUrl, register);
    }
    // The kit is a BAP: register it unless the user brought a registered key.
    BppConformance.Config config = new BppConformance.Config(target, targetId, registryUrl, identity, listenHost,
        reserve(), callbackUrl, domain, ttl, zone, buyerMeter, buyerDiscom, orderId -> {
          if (!unsolicitedWait.isZero()) {
            out.println("order " + orderId + " is confirmed: have the BPP send an unsolicited on_status for it within "
                + unsolicitedWait);
            out.flush();
          }
        }, unsolicitedWait);
    if (register) {
      identity.registerLocally(registryUrl, "BAP", config.callbackUrl() != null ? config.callbackUrl()
          : "http://" + listenHost + ":" + config.listenPort(), domain);
    }
    out.println("running the BPP cases against " + target + " as " + identity.subscriberId() + " ...");
    out.flush();
    return new BppConformance(config).run(line -> {
      out.println("  " + line);
      out.flush();
    });
  }

  private ConformanceReport runBap(PrintWriter out, KitIdentity identity, String registryUrl, boolean register)
      throws ConformanceSetupException, IOException, InterruptedException {
    BapTrigger flow = bapTrigger();
    int port = reserve();
    BapConformance.Config config = new BapConformance.Config(target, registryUrl, identity, listenHost, port,
        callbackUrl, ttl, zone, flow);
    if (register) {
      identity.registerLocally(registryUrl, "BPP", config.publicUrl(), domain);
    }
    out.println("the kit serves a seller platform at " + config.publicUrl() + " as " + identity.subscriberId()
        + (trigger == null ? "; run discover, select " + BapConformance.OFFER_ID + ", init, confirm and status from the BAP within "
            + waitFor : "") + " ...");
    out.flush();
    return new BapConformance(config).run(line -> {
      out.println("  " + line);
      out.flush();
    });
  }

  private BapTrigger bapTrigger() {
    if (trigger != null) {
      if (!trigger.startsWith("bap-node:")) {
        throw new IllegalArgumentException("--trigger must be bap-node:URL, not '" + trigger + "'");
      }
      return new BapNodeTrigger(trigger.substring("bap-node:".length()));
    }
    if (waitFor == null) {
      throw new IllegalArgumentException("role bap needs --trigger bap-node:URL or --wait DURATION");
    }
    return BapTrigger.waitFor(waitFor);
  }

  /** A concrete listen port, so that the kit's URL is known before it registers. */
  private int reserve() throws IOException {
    if (listenPort != 0) {
      return listenPort;
    }
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String firstLine(String s) {
    return s == null ? "failed" : s.lines().findFirst().orElse(s);
  }
}
