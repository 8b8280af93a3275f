package org.uei.p2p.cli.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.time.ZoneId;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.WhenListening;
import org.uei.p2p.conformance.bap.BapConformance;
import org.uei.p2p.conformance.bap.BapNodeTrigger;
import org.uei.p2p.conformance.bap.BapTrigger;
import org.uei.p2p.conformance.bap.UeiV1BapConformance;
import org.uei.p2p.conformance.bpp.BppConformance;
import org.uei.p2p.conformance.bpp.UeiV1BppConformance;
import org.uei.p2p.model.ueiv1.UeiV1Context;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of a conformance run, shared by the run itself and {@code doctor}, and what they
 * build.
 */
final class KitOptions {

  private static final String WAVE1_DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";

  @Option(
      names = "--role",
      paramLabel = "bpp|bap|ledger",
      description = "Role of the system under test (required).")
  String role;

  @Option(
      names = "--target",
      paramLabel = "URL",
      description = "Beckn endpoint of the system under test (required).")
  String target;

  @Option(
      names = "--target-id",
      paramLabel = "ID",
      description = "Its subscriber id (default: learnt from its answers).")
  String targetId;

  @Option(
      names = "--target-public-key",
      paramLabel = "BASE64",
      description =
          "Its signing public key: registers it in the kit's own registry (without --registry).")
  String targetPublicKey;

  @Option(
      names = "--target-key-id",
      paramLabel = "ID",
      defaultValue = "k1",
      description = "Its unique key id (default k1).")
  String targetKeyId;

  @Option(
      names = "--registry",
      paramLabel = "URL",
      description = {
        "Registry the target uses (e.g. one started with 'uei registry serve', which keeps its records).",
        "Without it the kit serves its own registry on --registry-port for the length of the run only."
      })
  String registry;

  @Option(
      names = "--registry-port",
      paramLabel = "PORT",
      defaultValue = "8090",
      description =
          "Port of the kit's own registry (default 8090): the target must look keys up there.")
  int registryPort;

  @Option(
      names = "--subscriber-id",
      paramLabel = "ID",
      description = "The kit's subscriber id (default conformance-kit.<role>.local).")
  String subscriberId;

  @Option(
      names = "--key-id",
      paramLabel = "ID",
      defaultValue = "k1",
      description = "The kit's unique key id (default k1).")
  String keyId;

  @Option(
      names = "--private-key",
      paramLabel = "BASE64",
      description = {
        "The kit's private key, already registered with --registry under --subscriber-id and --key-id",
        "(needed with a network registry). Without it the kit makes a fresh key and registers it through the",
        "registry's /admin/subscribers, which only local registries ('uei registry serve') have."
      })
  String privateKey;

  @Option(
      names = "--listen-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Where the kit listens.")
  String listenHost;

  @Option(
      names = "--listen-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "Its port (default: any free).")
  int listenPort;

  @Option(
      names = "--callback-url",
      paramLabel = "URL",
      description = "The kit's URL as the target reaches it (default http://HOST:PORT).")
  String callbackUrl;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      defaultValue = WAVE1_DOMAIN,
      description = "Network domain (default ${DEFAULT-VALUE}).")
  String domain;

  @Option(
      names = "--ttl",
      paramLabel = "DURATION",
      defaultValue = "PT30S",
      description =
          "ttl of the kit's messages and how long it waits for each answer (default PT30S).")
  Duration ttl;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "Asia/Kolkata",
      description = "The network's time zone.")
  ZoneId zone;

  @Option(
      names = "--buyer-meter",
      paramLabel = "METER",
      description = "Buyer meter of the kit's orders.")
  String buyerMeter;

  @Option(
      names = "--buyer-discom",
      paramLabel = "DISCOM",
      description = "Buyer DISCOM of the kit's orders.")
  String buyerDiscom;

  @Option(
      names = "--unsolicited-wait",
      paramLabel = "DURATION",
      defaultValue = "PT0S",
      description = "role bpp: how long to wait for an unsolicited on_status after the journey.")
  Duration unsolicitedWait;

  @Option(
      names = "--trigger",
      paramLabel = "KIND:URL",
      description =
          "role bap: how the kit starts the BAP's flow; bap-node:URL drives a bap-node's client API.")
  String trigger;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      description =
          "role bap without --trigger: at most how long the joiner has to run discover, select, init, "
              + "confirm, status (the run goes on as soon as status was answered).")
  Duration waitFor;

  /** What runs with a registry URL, the kit's own registry started when none was given. */
  @FunctionalInterface
  interface WithRegistry<T> {
    T run(String registryUrl) throws ConformanceSetupException, IOException, InterruptedException;
  }

  /** Checks the required options and their combinations. */
  void validate(CommandLine cmd) {
    if (role == null) {
      throw new CommandLine.ParameterException(
          cmd, "Missing required option: '--role=bpp|bap|ledger'");
    }
    if (target == null) {
      throw new CommandLine.ParameterException(cmd, "Missing required option: '--target=URL'");
    }
    if (!"bpp".equals(role) && !"bap".equals(role) && !"ledger".equals(role)) {
      throw new IllegalArgumentException("--role must be bpp, bap or ledger, not '" + role + "'");
    }
    if (targetPublicKey != null && targetId == null) {
      throw new IllegalArgumentException("--target-public-key needs --target-id");
    }
    if ("bap".equals(role) && trigger == null && waitFor == null) {
      throw new IllegalArgumentException(
          "role bap needs --trigger bap-node:URL or --wait DURATION");
    }
  }

  KitIdentity identity() {
    return new KitIdentity(
        subscriberId != null ? subscriberId : "conformance-kit." + role + ".local",
        keyId,
        privateKey != null
            ? Ed25519KeyPair.fromPrivateKeyBase64(privateKey)
            : Ed25519KeyPair.generate());
  }

  /**
   * Runs {@code work} against --registry, or against the kit's own in-memory registry, closed
   * afterwards.
   */
  <T> T withRegistry(PrintWriter out, WithRegistry<T> work)
      throws ConformanceSetupException, IOException, InterruptedException {
    if (registry != null) {
      return work.run(registry);
    }
    LocalRegistry own;
    try {
      own = LocalRegistry.builder().host("127.0.0.1").port(registryPort).start();
    } catch (RuntimeException e) {
      throw new ConformanceSetupException(
          "registry: the kit cannot serve its own registry on port "
              + registryPort
              + " ("
              + (e.getCause() instanceof BindException ? "in use" : e.getMessage())
              + "); pass --registry URL of"
              + " the registry already running there, or another --registry-port",
          e);
    }
    try (own) {
      out.println(
          "kit registry: "
              + own.baseUrl()
              + " (for this run only; the target must look keys up here)");
      out.flush();
      if (targetPublicKey != null) {
        KitIdentity.register(
            own.baseUrl(),
            targetId,
            targetKeyId,
            // A ledger provider is a seller-side node, registered as one.
            "ledger".equals(role) ? "BPP" : role.toUpperCase(),
            target,
            domain,
            targetPublicKey);
      }
      return work.run(own.baseUrl());
    }
  }

  /**
   * Registers a fresh key once the kit listens; with a key of the user's own, only the kit's
   * registry learns it.
   */
  WhenListening registration(KitIdentity identity, String registryUrl, String type) {
    boolean register = registry == null || privateKey == null;
    return register
        ? url -> identity.registerLocally(registryUrl, type, url, domain)
        : WhenListening.NOTHING;
  }

  BppConformance bpp(KitIdentity identity, String registryUrl, PrintWriter out) {
    return new BppConformance(bppConfig(identity, registryUrl, out))
        .whenListening(registration(identity, registryUrl, "BAP"));
  }

  /** What a run against a seller platform needs, on wave 1 or UEI v1. */
  BppConformance.Config bppConfig(KitIdentity identity, String registryUrl, PrintWriter out) {
    return new BppConformance.Config(
        target,
        targetId,
        registryUrl,
        identity,
        listenHost,
        listenPort,
        callbackUrl,
        domain,
        ttl,
        zone,
        buyerMeter,
        buyerDiscom,
        orderId -> {
          if (!unsolicitedWait.isZero()) {
            out.println(
                "order "
                    + orderId
                    + " is confirmed: have the BPP send an unsolicited on_status for it within "
                    + unsolicitedWait);
            out.flush();
          }
        },
        unsolicitedWait);
  }

  /** The default --domain is wave 1's; a UEI v1 run registers the kit in uei:p2p-trading. */
  void ueiV1Domain() {
    if (WAVE1_DOMAIN.equals(domain)) {
      domain = UeiV1Context.DOMAIN;
    }
  }

  /** The UEI v1 run against a seller platform: the wave-1 options, the 1.1.0 kit. */
  UeiV1BppConformance ueiV1Bpp(KitIdentity identity, String registryUrl, PrintWriter out) {
    return new UeiV1BppConformance(bppConfig(identity, registryUrl, out))
        .whenListening(registration(identity, registryUrl, "BAP"));
  }

  /** The UEI v1 run against a buyer platform; a bap-node is driven without a search filter. */
  UeiV1BapConformance ueiV1Bap(KitIdentity identity, String registryUrl) throws IOException {
    BapConformance.Config c = bapConfig(identity, registryUrl);
    if (c.trigger() instanceof BapNodeTrigger) {
      c =
          new BapConformance.Config(
              c.targetUrl(),
              c.registryUrl(),
              c.identity(),
              c.listenHost(),
              c.listenPort(),
              c.publicUrl(),
              c.ttl(),
              c.zone(),
              BapNodeTrigger.unfiltered(trigger.substring("bap-node:".length())));
    }
    return new UeiV1BapConformance(c).whenListening(registration(identity, registryUrl, "BPP"));
  }

  BapConformance bap(KitIdentity identity, String registryUrl) throws IOException {
    return new BapConformance(bapConfig(identity, registryUrl))
        .whenListening(registration(identity, registryUrl, "BPP"));
  }

  /** What a run against a buyer platform needs, on either wire. */
  BapConformance.Config bapConfig(KitIdentity identity, String registryUrl) throws IOException {
    return new BapConformance.Config(
        target, registryUrl, identity, listenHost, reserve(), callbackUrl, ttl, zone, bapTrigger());
  }

  private BapTrigger bapTrigger() {
    if (trigger != null) {
      if (!trigger.startsWith("bap-node:")) {
        throw new IllegalArgumentException("--trigger must be bap-node:URL, not '" + trigger + "'");
      }
      return new BapNodeTrigger(trigger.substring("bap-node:".length()));
    }
    return BapTrigger.waitFor(waitFor);
  }

  /**
   * A concrete port for the kit's seller endpoint, so that its URL is known before the listener
   * binds.
   */
  private int reserve() throws IOException {
    if (listenPort != 0) {
      return listenPort;
    }
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
