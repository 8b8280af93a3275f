package org.uei.p2p.conformance.bpp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseLog;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.WhenListening;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Wave2Replies;
import org.uei.p2p.conformance.setup.Preflight;
import org.uei.p2p.model.trade.PolicyReference;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * Runs the {@link Wave2BppCases} against a seller platform on IES wave 2: the kit plays the buyer
 * platform (its own key and callback listener) and both DISCOMs' ledger providers (one listener
 * each, named as {@code ledgerUri} in the contracts it sends).
 */
public final class Wave2BppConformance {

  /** The test network of IES wave 2, where meter ids start with {@code TEST_}. */
  public static final String TEST_NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";

  /** The published IES common contract policy, named by the kit's offers and contracts. */
  public static final PolicyReference IES_COMMON_POLICY =
      new PolicyReference(
          "https://api.dedi.global/dedi/lookup/indiaenergystack.in/ies-rulesets/p2p-trading-ies-contractpolicy-common",
          "data.deg.contracts.p2p_trading");

  /**
   * What a run needs.
   *
   * @param targetUrl the seller platform's Beckn endpoint ({@code bppUri})
   * @param targetId its subscriber id, or null to learn it from on_discover
   * @param registryUrl the registry both sides look keys up in
   * @param identity the kit's registered identity
   * @param listenHost where the kit's listeners bind
   * @param listenPort the callback listener's port, 0 for any
   * @param callbackUrl the kit's {@code bapUri} as the target reaches it; null: http://host:port
   * @param networkId {@code context.networkId}
   * @param ttl ttl of the kit's requests, and about how long it waits for each callback
   * @param buyerMeter the buyer meter the kit orders for
   * @param buyerDiscom the buyer's DISCOM (UPADHI code); null: the seller's own DISCOM
   * @param sellerLedgerPort the port of the kit's seller-DISCOM ledger, 0 for any
   * @param buyerLedgerPort the port of the kit's buyer-DISCOM ledger, 0 for any
   * @param ledgerHold how long the seller ledger holds its answer to /ledger/put
   * @param ledgerIdentity who the kit's ledgers sign as (the DISCOMs' {@code ledgerId}); null: the
   *     kit itself, which leaves the allocation cascade out (a buyer platform and a ledger that
   *     share an id cannot be told apart)
   */
  public record Config(
      String targetUrl,
      String targetId,
      String registryUrl,
      KitIdentity identity,
      String listenHost,
      int listenPort,
      String callbackUrl,
      String networkId,
      Duration ttl,
      String buyerMeter,
      String buyerDiscom,
      int sellerLedgerPort,
      int buyerLedgerPort,
      Duration ledgerHold,
      KitIdentity ledgerIdentity) {

    /** Requires target, registry and identity; fills the rest with defaults when null. */
    public Config {
      Objects.requireNonNull(targetUrl, "targetUrl");
      Objects.requireNonNull(registryUrl, "registryUrl");
      Objects.requireNonNull(identity, "identity");
      listenHost = listenHost == null ? "127.0.0.1" : listenHost;
      networkId = networkId == null ? TEST_NETWORK : networkId;
      ttl = ttl == null ? Wave2Contexts.DEFAULT_TTL : ttl;
      buyerMeter = buyerMeter == null ? "TEST_CONFORMANCE_BUYER_01" : buyerMeter;
      ledgerHold = ledgerHold == null ? Duration.ofSeconds(2) : ledgerHold;
    }

    /** The defaults for everything but target, registry and identity. */
    public static Config of(
        String targetUrl, String targetId, String registryUrl, KitIdentity identity) {
      return new Config(
          targetUrl,
          targetId,
          registryUrl,
          identity,
          null,
          0,
          null,
          null,
          null,
          null,
          null,
          0,
          0,
          null,
          null);
    }

    /** The id the kit's ledgers are named by in its contracts. */
    public String ledgerId() {
      return ledgerIdentity != null ? ledgerIdentity.subscriberId() : identity.subscriberId();
    }
  }

  private final Config config;
  private WhenListening whenListening = WhenListening.NOTHING;
  private WhenListening whenLedgersListening = WhenListening.NOTHING;

  public Wave2BppConformance(Config config) {
    this.config = config;
  }

  /** Has {@code hook} run (e.g. register the kit) once the listener is bound. */
  public Wave2BppConformance whenListening(WhenListening hook) {
    this.whenListening = hook;
    return this;
  }

  /**
   * Has {@code hook} run (e.g. register the ledger identity at the seller DISCOM's ledger URI it is
   * given) once the ledgers are bound.
   */
  public Wave2BppConformance whenLedgersListening(WhenListening hook) {
    this.whenLedgersListening = hook;
    return this;
  }

  /**
   * Starts the listeners, runs every case and stops them.
   *
   * @param progress receives one line per case as it finishes
   * @throws ConformanceSetupException when the run cannot start
   */
  public ConformanceReport run(Consumer<String> progress)
      throws ConformanceSetupException, InterruptedException {
    Instant started = Instant.now();
    CaseLog record = new CaseLog(progress);
    Preflight pre = new Preflight();
    pre.registry(config.registryUrl()).require();
    pre.target(config.targetUrl(), "bpp").require();
    BecknVerifier verifier =
        BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(config.registryUrl())));
    KitIdentity id = config.identity();
    try (BecknListener listener =
            new BecknListener(
                config.listenHost(),
                config.listenPort(),
                verifier,
                tree -> tree.path("context").path("bppId").asText(null),
                id.subscriberId());
        KitLedgers ledgers =
            new KitLedgers(
                config.listenHost(),
                config.sellerLedgerPort(),
                config.buyerLedgerPort(),
                verifier,
                id.subscriberId(),
                listener,
                config.ledgerHold())) {
      listener.responder(
          m ->
              m.signature().valid()
                  ? Wave2Replies.ack()
                  : Wave2Replies.unauthorized(id.subscriberId(), m.signature()));
      String bapUri =
          config.callbackUrl() != null
              ? config.callbackUrl()
              : "http://" + config.listenHost() + ":" + listener.port();
      try {
        whenListening.ready(bapUri);
      } catch (IOException e) {
        throw new ConformanceSetupException(
            "kit registration: "
                + e.getMessage()
                + "; register the kit's key with the registry the BPP uses yourself and give"
                + " the kit that key (--subscriber-id, --key-id, --private-key)");
      }
      pre.key(
              "kit key",
              config.registryUrl(),
              id.subscriberId(),
              id.keyId(),
              id.key().publicKeyBase64(),
              "register "
                  + id.subscriberId()
                  + " with key "
                  + id.keyId()
                  + " in the registry the BPP uses")
          .require();
      if (config.ledgerIdentity() != null) {
        KitIdentity ledger = config.ledgerIdentity();
        try {
          whenLedgersListening.ready(ledgers.sellerUri());
        } catch (IOException e) {
          throw new ConformanceSetupException(
              "ledger registration: "
                  + e.getMessage()
                  + "; register the kit's ledger identity at "
                  + ledgers.sellerUri()
                  + " yourself");
        }
        pre.key(
                "kit ledger key",
                config.registryUrl(),
                ledger.subscriberId(),
                ledger.keyId(),
                ledger.key().publicKeyBase64(),
                "register "
                    + ledger.subscriberId()
                    + " with key "
                    + ledger.keyId()
                    + " and URL "
                    + ledgers.sellerUri()
                    + " in the registry the BPP uses")
            .require();
      }
      Wave2Kit kit =
          new Wave2Kit(
              id,
              new BecknClient(config.ttl().plusSeconds(10)),
              listener,
              new Wave2Contexts.Parties(
                  config.networkId(),
                  id.subscriberId(),
                  bapUri,
                  config.targetId(),
                  config.targetUrl()),
              config.ttl());
      new Wave2BppRun(kit, ledgers, config, record).all();
    } catch (IOException e) {
      throw new ConformanceSetupException(
          "cannot listen on " + config.listenHost() + ": " + e.getMessage(), e);
    }
    return new ConformanceReport(
        "bpp", config.targetUrl(), started, record.ordered(Wave2BppCases.ALL));
  }
}
