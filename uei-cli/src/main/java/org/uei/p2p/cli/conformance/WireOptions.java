package org.uei.p2p.cli.conformance;

import java.io.PrintWriter;
import java.time.Duration;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.WhenListening;
import org.uei.p2p.conformance.bap.Wave2BapConformance;
import org.uei.p2p.conformance.bpp.Wave2BppConformance;
import org.uei.p2p.conformance.ledger.Wave2LedgerConformance;
import org.uei.p2p.conformance.setup.WireProbe;
import org.uei.p2p.conformance.setup.WireProbe.Wire;
import picocli.CommandLine.Option;

/** Which wire a conformance run speaks, and what a wave-2 run needs beyond {@link KitOptions}. */
final class WireOptions {

  @Option(
      names = "--wire",
      paramLabel = "wave1|wave2|uei-v1",
      description = {
        "Wire generation to speak; uei-v1 is Beckn 1.1.0, domain uei:p2p-trading (the UP pilot).",
        "Default: what the target's first answer shows (an unsigned probe is refused in its wire's",
        "NACK shape; a target that knows search but not discover speaks uei-v1), else wave2, the",
        "network's current wire. Role ledger: wave2."
      })
  String wire;

  @Option(
      names = "--network-id",
      paramLabel = "ID",
      defaultValue = Wave2BppConformance.TEST_NETWORK,
      description = "wave2: context.networkId (default ${DEFAULT-VALUE}).")
  String networkId;

  @Option(
      names = "--ledger-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description =
          "wave2: port of the seller DISCOM's ledger the kit plays (default: any free); the BPP's"
              + " policy must allow the kit's ledger URLs.")
  int ledgerPort;

  @Option(
      names = "--buyer-ledger-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "wave2: port of the buyer DISCOM's ledger the kit plays (default: any free).")
  int buyerLedgerPort;

  @Option(
      names = "--ledger-hold",
      paramLabel = "DURATION",
      defaultValue = "PT2S",
      description =
          "wave2: how long the kit's ledger holds its answer to /ledger/put, to see that on_confirm"
              + " waits for it (default PT2S).")
  Duration ledgerHold;

  @Option(
      names = "--ledger-id",
      paramLabel = "ID",
      description = {
        "role bpp, wave2: the subscriber id the kit's ledgers sign as (a fresh key, registered at the",
        "seller DISCOM's ledger URL); configure the BPP with it as both DISCOMs' ledger-id. Without it",
        "the ledgers are named by the kit's own id and the allocation cascade (W2-BPP-SET-*) is not run."
      })
  String ledgerId;

  @Option(
      names = "--ledger-discom",
      paramLabel = "DISCOM",
      defaultValue = "TPDDL",
      description =
          "role ledger: the DISCOM whose trades the ledger keeps (UPADHI code, default ${DEFAULT-VALUE}).")
  String ledgerDiscom;

  @Option(
      names = "--discom-signer",
      paramLabel = "ID",
      defaultValue = "conformance-kit.discom.local",
      description = {
        "role ledger: the subscriber id the kit signs as the ledger's DISCOM (default ${DEFAULT-VALUE});",
        "configure the ledger to know it as --ledger-discom's signer (uei.bpp.ledger.discoms.<DISCOM>)."
      })
  String discomSigner;

  /**
   * The wire to speak: the one given, else the one the target's first answer shows (printed with
   * how it was told), else wave 2, the network's current wire. A ledger provider speaks the DEG
   * Ledger Service API, which exists on wave 2 only.
   *
   * @throws IllegalArgumentException for an unknown wire, or wave 1 for a ledger
   */
  Wire resolve(KitOptions kit, PrintWriter out) {
    if ("ledger".equals(kit.role)) {
      if (wire != null && !"wave2".equals(wire)) {
        throw new IllegalArgumentException(
            "--wire must be wave2 for role ledger (the DEG Ledger Service API is wave 2 only), not '"
                + wire
                + "'");
      }
      return Wire.WAVE2;
    }
    if (wire != null) {
      return switch (wire) {
        case "wave1" -> Wire.WAVE1;
        case "wave2" -> Wire.WAVE2;
        case "uei-v1" -> Wire.UEI_V1;
        default ->
            throw new IllegalArgumentException(
                "--wire must be wave1, wave2 or uei-v1, not '" + wire + "'");
      };
    }
    boolean bap = "bap".equals(kit.role);
    WireProbe.Detected d = new WireProbe().detect(kit.target, bap ? "on_discover" : "discover");
    out.println("wire: " + d.wire().option() + " (" + d.reason() + "; --wire to choose)");
    out.flush();
    return d.wire();
  }

  /** The run against a DISCOM's ledger provider with {@code kit}'s options. */
  Wave2LedgerConformance ledger(KitOptions kit, KitIdentity identity, String registryUrl) {
    Wave2LedgerConformance.Identities ids =
        new Wave2LedgerConformance.Identities(
            identity,
            KitIdentity.fresh(identity.subscriberId() + "-buyer"),
            KitIdentity.fresh(discomSigner),
            KitIdentity.fresh(identity.subscriberId() + "-stranger"));
    boolean own = kit.registry == null || kit.privateKey == null;
    String url =
        kit.callbackUrl != null ? kit.callbackUrl : "http://" + kit.listenHost + "/conformance-kit";
    Wave2LedgerConformance.Registration hook =
        own
            ? i -> i.registerLocally(registryUrl, url, networkId)
            : i -> {
              // The user's key is registered already; the other three are the kit's own.
              i.buyerPlatform().registerLocally(registryUrl, "BAP", url, networkId);
              i.discom().registerLocally(registryUrl, "BPP", url, networkId);
              i.stranger().registerLocally(registryUrl, "BAP", url, networkId);
            };
    return new Wave2LedgerConformance(
            new Wave2LedgerConformance.Config(
                kit.target, registryUrl, ids, ledgerDiscom, kit.buyerDiscom, kit.ttl))
        .registration(hook);
  }

  /** The wave-2 run against a buyer platform with {@code kit}'s options. */
  Wave2BapConformance bap(KitOptions kit, KitIdentity identity, String registryUrl)
      throws java.io.IOException {
    boolean register = kit.registry == null || kit.privateKey == null;
    WhenListening hook =
        register
            ? url -> identity.registerLocally(registryUrl, "BPP", url, networkId)
            : WhenListening.NOTHING;
    return new Wave2BapConformance(kit.bapConfig(identity, registryUrl)).whenListening(hook);
  }

  /** The wave-2 run against a seller platform with {@code kit}'s options. */
  Wave2BppConformance bpp(KitOptions kit, KitIdentity identity, String registryUrl) {
    Wave2BppConformance.Config config =
        new Wave2BppConformance.Config(
            kit.target,
            kit.targetId,
            registryUrl,
            identity,
            kit.listenHost,
            kit.listenPort,
            kit.callbackUrl,
            networkId,
            kit.ttl,
            kit.buyerMeter,
            kit.buyerDiscom,
            ledgerPort,
            buyerLedgerPort,
            ledgerHold,
            ledgerId == null ? null : KitIdentity.fresh(ledgerId));
    boolean register = kit.registry == null || kit.privateKey == null;
    WhenListening hook =
        register
            ? url -> identity.registerLocally(registryUrl, "BAP", url, networkId)
            : WhenListening.NOTHING;
    // The ledger identity's key is the kit's own, made for the run: registered wherever it can be.
    WhenListening ledgerHook =
        config.ledgerIdentity() == null
            ? WhenListening.NOTHING
            : url -> config.ledgerIdentity().registerLocally(registryUrl, "BPP", url, networkId);
    return new Wave2BppConformance(config).whenListening(hook).whenLedgersListening(ledgerHook);
  }
}
