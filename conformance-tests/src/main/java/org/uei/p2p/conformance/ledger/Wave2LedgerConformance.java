package org.uei.p2p.conformance.ledger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseLog;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.setup.Preflight;

/**
 * Runs the {@link Wave2LedgerCases} against a DISCOM's ledger provider: the kit signs as the seller
 * platform, the buyer platform, the ledger's DISCOM (the signer the ledger is configured to know as
 * that DISCOM) and a platform party to nothing.
 */
public final class Wave2LedgerConformance {

  /**
   * Who the kit signs as.
   *
   * @param sellerPlatform the trade's seller platform
   * @param buyerPlatform the trade's buyer platform
   * @param discom the ledger's DISCOM: the ledger must know this subscriber as that DISCOM's signer
   * @param stranger a registered platform that is party to no trade of the run
   */
  public record Identities(
      KitIdentity sellerPlatform,
      KitIdentity buyerPlatform,
      KitIdentity discom,
      KitIdentity stranger) {

    /** Requires every identity. */
    public Identities {
      Objects.requireNonNull(sellerPlatform, "sellerPlatform");
      Objects.requireNonNull(buyerPlatform, "buyerPlatform");
      Objects.requireNonNull(discom, "discom");
      Objects.requireNonNull(stranger, "stranger");
    }

    /**
     * Fresh keys: the platforms as {@code base}, {@code base-buyer} and {@code base-stranger}, the
     * DISCOM as {@code discomSigner}.
     */
    public static Identities fresh(String base, String discomSigner) {
      return new Identities(
          KitIdentity.fresh(base),
          KitIdentity.fresh(base + "-buyer"),
          KitIdentity.fresh(discomSigner),
          KitIdentity.fresh(base + "-stranger"));
    }

    /**
     * Registers all four in a local registry: the platforms as BPP, BAP and BAP, the DISCOM as BPP
     * (a DISCOM answers Beckn requests). The ledger only looks their keys up; {@code url} is their
     * Beckn endpoint, which the ledger never calls.
     */
    public void registerLocally(String registryUrl, String url, String domain)
        throws IOException, InterruptedException {
      sellerPlatform.registerLocally(registryUrl, "BPP", url, domain);
      buyerPlatform.registerLocally(registryUrl, "BAP", url, domain);
      discom.registerLocally(registryUrl, "BPP", url, domain);
      stranger.registerLocally(registryUrl, "BAP", url, domain);
    }

    List<KitIdentity> all() {
      return List.of(sellerPlatform, buyerPlatform, discom, stranger);
    }
  }

  /**
   * What a run needs.
   *
   * @param targetUrl the ledger provider's base URL ({@code /ledger/put} is below it)
   * @param registryUrl the registry the ledger looks keys up in
   * @param identities who the kit signs as
   * @param discomId the ledger's DISCOM (UPADHI code), the seller side of the kit's trade
   * @param otherDiscom the buyer side's DISCOM; null: another one than {@code discomId}
   * @param timeout how long each request may take
   */
  public record Config(
      String targetUrl,
      String registryUrl,
      Identities identities,
      String discomId,
      String otherDiscom,
      Duration timeout) {

    /** Requires target, registry, identities and DISCOM; fills the rest with defaults. */
    public Config {
      Objects.requireNonNull(targetUrl, "targetUrl");
      Objects.requireNonNull(registryUrl, "registryUrl");
      Objects.requireNonNull(identities, "identities");
      Objects.requireNonNull(discomId, "discomId");
      otherDiscom =
          otherDiscom != null ? otherDiscom : "PVVNL".equals(discomId) ? "TPDDL" : "PVVNL";
      timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }
  }

  private final Config config;
  private Registration registration = Registration.NOTHING;

  /** What runs before the cases, e.g. registering the kit's identities. */
  @FunctionalInterface
  public interface Registration {
    /** Registers nothing: the identities are registered already. */
    Registration NOTHING = ids -> {};

    /** Makes {@code identities} known to the registry. */
    void register(Identities identities) throws IOException, InterruptedException;
  }

  public Wave2LedgerConformance(Config config) {
    this.config = config;
  }

  /** Has {@code hook} register the kit's identities before the run. */
  public Wave2LedgerConformance registration(Registration hook) {
    this.registration = hook;
    return this;
  }

  /**
   * Runs every case.
   *
   * @param progress receives one line per case as it finishes
   * @throws ConformanceSetupException when the run cannot start
   */
  public ConformanceReport run(Consumer<String> progress)
      throws ConformanceSetupException, InterruptedException {
    Instant started = Instant.now();
    Preflight pre = new Preflight();
    pre.registry(config.registryUrl()).require();
    pre.target(config.targetUrl(), "ledger provider").require();
    try {
      registration.register(config.identities());
    } catch (IOException e) {
      throw new ConformanceSetupException(
          "kit registration: "
              + e.getMessage()
              + "; register the kit's four identities with the registry the ledger uses yourself");
    }
    for (KitIdentity id : config.identities().all()) {
      pre.key(
              "kit key",
              config.registryUrl(),
              id.subscriberId(),
              id.keyId(),
              id.key().publicKeyBase64(),
              "register " + id.subscriberId() + " with key " + id.keyId() + " in the registry")
          .require();
    }
    CaseLog record = new CaseLog(progress);
    new Wave2LedgerRun(new LedgerCalls(config.targetUrl(), config.timeout()), config).all(record);
    return new ConformanceReport(
        "ledger", config.targetUrl(), started, record.ordered(Wave2LedgerCases.ALL));
  }
}
