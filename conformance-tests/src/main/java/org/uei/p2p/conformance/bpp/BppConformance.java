package org.uei.p2p.conformance.bpp;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseLog;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.WhenListening;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.setup.Preflight;
import org.uei.p2p.conformance.setup.SetupCheck;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * Runs the {@link BppCases} against a seller platform: the kit plays a buyer platform with its own
 * key (registered in the registry the target uses) and its own callback listener.
 */
public final class BppConformance {

  /**
   * What a run needs.
   *
   * @param targetUrl the seller platform's Beckn endpoint ({@code bpp_uri})
   * @param targetId its subscriber id, or null to learn it from on_discover
   * @param registryUrl the Beckn registry both sides look keys up in
   * @param identity the kit's registered identity
   * @param listenHost where the kit's callback listener binds
   * @param listenPort its port, 0 for any
   * @param callbackUrl the kit's {@code bap_uri} as the target reaches it; null:
   *     http://listenHost:port
   * @param domain the network domain
   * @param ttl ttl of the kit's requests, and how long it waits for each callback
   * @param zone the network's local zone (slot alignment, gate closure)
   * @param buyerMeter the buyer meter the kit orders for
   * @param buyerDiscom the buyer's DISCOM
   * @param onConfirmed called with the order id once the journey confirmed (e.g. to make the target
   *     send an unsolicited on_status); may be null
   * @param unsolicitedWait how long to wait for an unsolicited callback after the journey
   */
  public record Config(
      String targetUrl,
      String targetId,
      String registryUrl,
      KitIdentity identity,
      String listenHost,
      int listenPort,
      String callbackUrl,
      String domain,
      Duration ttl,
      ZoneId zone,
      String buyerMeter,
      String buyerDiscom,
      Consumer<String> onConfirmed,
      Duration unsolicitedWait) {

    /** Requires target, registry and identity; fills the rest with defaults when null. */
    public Config {
      Objects.requireNonNull(targetUrl, "targetUrl");
      Objects.requireNonNull(registryUrl, "registryUrl");
      Objects.requireNonNull(identity, "identity");
      listenHost = listenHost == null ? "127.0.0.1" : listenHost;
      domain = domain == null ? "beckn.one:deg:p2p-trading-interdiscom:2.0.0" : domain;
      ttl = ttl == null ? Contexts.DEFAULT_TTL : ttl;
      zone = zone == null ? ZoneId.of("Asia/Kolkata") : zone;
      buyerMeter = buyerMeter == null ? "UP-CONFORMANCE-BUYER-01" : buyerMeter;
      buyerDiscom = buyerDiscom == null ? "PVVNL" : buyerDiscom;
      unsolicitedWait = unsolicitedWait == null ? Duration.ZERO : unsolicitedWait;
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
          null,
          null,
          null);
    }
  }

  private final Config config;
  private WhenListening whenListening = WhenListening.NOTHING;

  public BppConformance(Config config) {
    this.config = config;
  }

  /**
   * Has {@code hook} run (e.g. register the kit) once the listener is bound, before the first
   * request.
   */
  public BppConformance whenListening(WhenListening hook) {
    this.whenListening = hook;
    return this;
  }

  /**
   * Checks what a run needs, without running the cases: registry and target reachable, the kit's
   * key in the registry, and an offer on the target the kit can trade against. Stops at the first
   * check that fails, since the later ones depend on it.
   */
  public List<SetupCheck> doctor() throws InterruptedException {
    List<SetupCheck> checks = new ArrayList<>();
    try {
      session(checks::add, kit -> checks.add(OfferCheck.check(kit)));
    } catch (ConformanceSetupException e) {
      // Already in checks: the failed check is the last one.
    }
    return checks;
  }

  /**
   * Starts the callback listener, runs every case and stops the listener.
   *
   * @param progress receives one line per case as it finishes
   * @throws ConformanceSetupException when the run cannot start: registry or target unreachable,
   *     the kit's key not in the registry, no offer on the target to trade against, no listener
   */
  public ConformanceReport run(Consumer<String> progress)
      throws ConformanceSetupException, InterruptedException {
    Instant started = Instant.now();
    CaseLog record = new CaseLog(progress);
    session(check -> {}, kit -> new Run(kit, record).all());
    return new ConformanceReport("bpp", config.targetUrl(), started, record.ordered(BppCases.ALL));
  }

  /** What runs with the listener up and the kit registered. */
  @FunctionalInterface
  private interface Work {
    void run(KitBap kit) throws ConformanceSetupException, InterruptedException;
  }

  /**
   * Checks the setup (each check to {@code seen}; the first failure ends it as a setup error), then
   * does {@code work}.
   */
  private void session(Consumer<SetupCheck> seen, Work work)
      throws ConformanceSetupException, InterruptedException {
    Preflight pre = new Preflight();
    require(seen, pre.registry(config.registryUrl()));
    require(seen, pre.target(config.targetUrl(), "bpp"));
    BecknVerifier verifier =
        BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(config.registryUrl())));
    try (BecknListener listener =
        new BecknListener(
            config.listenHost(),
            config.listenPort(),
            verifier,
            "bpp_id",
            config.identity().subscriberId())) {
      listener.responder(
          m -> m.signature().valid() ? BecknListener.ack() : listener.unauthorized(m.signature()));
      String bapUri =
          config.callbackUrl() != null
              ? config.callbackUrl()
              : "http://" + config.listenHost() + ":" + listener.port();
      try {
        whenListening.ready(bapUri);
      } catch (IOException e) {
        require(
            seen,
            SetupCheck.failed(
                "kit registration",
                e.getMessage(),
                "register the kit's key with the registry"
                    + " the BPP uses yourself and give the kit that key (uei conformance: --subscriber-id, --key-id, --private-key)"));
      }
      KitIdentity id = config.identity();
      require(
          seen,
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
                  + " and the kit's public key "
                  + id.key().publicKeyBase64()
                  + " in the registry the BPP uses"));
      work.run(
          new KitBap(
              id,
              new BecknClient(config.ttl().plusSeconds(10)),
              listener,
              new Contexts.Parties(
                  config.domain(),
                  id.subscriberId(),
                  bapUri,
                  config.targetId(),
                  config.targetUrl()),
              config.ttl()));
    } catch (IOException e) {
      throw new ConformanceSetupException(
          "cannot listen for callbacks on "
              + config.listenHost()
              + ":"
              + config.listenPort()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void require(Consumer<SetupCheck> seen, SetupCheck check)
      throws ConformanceSetupException {
    seen.accept(check);
    check.require();
  }

  /** One run: the cases in the order they are sent. */
  private final class Run {
    private final KitBap kit;
    private final Consumer<CaseResult> record;
    private final BppProbes probes;

    Run(KitBap kit, Consumer<CaseResult> record) {
      this.kit = kit;
      this.record = record;
      this.probes = new BppProbes(kit);
    }

    void all() throws InterruptedException, ConformanceSetupException {
      KitBap.Call discover = kit.send(Action.DISCOVER, KitBap.discover(), null);
      record.accept(ack(discover));
      Optional<EnergyOffer> offer = offer(discover);
      record.accept(probes.missingSignature(BppCases.MISSING_SIGNATURE));
      record.accept(probes.tampered(BppCases.TAMPERED));
      record.accept(probes.expired(BppCases.EXPIRED));
      record.accept(probes.unknownKey(BppCases.UNKNOWN_KEY));
      record.accept(probes.wrongSigner(BppCases.WRONG_SIGNER));
      record.accept(probes.invalidTtl(BppCases.INVALID_CONTEXT));
      record.accept(probes.unknownFields(BppCases.UNKNOWN_FIELDS));
      record.accept(probes.replay(BppCases.REPLAY, discover));
      BppJourney journey = new BppJourney(kit, config);
      if (offer.isPresent()) {
        record.accept(
            probes.invalidQuantity(
                BppCases.INVALID_MESSAGE, journey.select(offer.get(), BigDecimal.ONE, null)));
        journey.run(offer.get(), record);
        journey.energyCases(offer.get(), new RuleProbes(kit), record);
      } else {
        for (ConformanceCase c :
            List.of(
                BppCases.INVALID_MESSAGE,
                BppCases.QUOTE,
                BppCases.INIT,
                BppCases.CONFIRM,
                BppCases.STATUS,
                BppCases.SELF_TRADE,
                BppCases.MIN_QUANTITY,
                BppCases.SLOT_ALIGNMENT,
                BppCases.GATE_CLOSURE)) {
          record.accept(
              CaseResult.notRun(c, "needs an offer from discover; see " + BppCases.OFFERS.id()));
        }
      }
      CallbackChecks checks = new CallbackChecks(kit, kit.pairs());
      record.accept(checks.signed(BppCases.CALLBACK_SIGNED));
      record.accept(checks.messageIds(BppCases.ECHO_MESSAGE_ID));
      record.accept(checks.context(BppCases.ECHO_CONTEXT));
      record.accept(checks.withinTtl(BppCases.WITHIN_TTL));
      record.accept(checks.unsolicited(BppCases.UNSOLICITED, config.unsolicitedWait()));
    }

    private CaseResult ack(KitBap.Call call) {
      var a = call.sent().answer();
      Exchange ev = call.sent().evidence("discover");
      boolean wave1 = a.isAck() && "ACK".equals(readStatus(a.body()));
      return wave1
          ? CaseResult.passed(BppCases.ACK, a.summary(), List.of(ev))
          : CaseResult.failed(
              BppCases.ACK,
              "expected HTTP 200 with {\"message\":{\"ack\":{\"status\":\"ACK\"}}}, got "
                  + a.summary(),
              List.of(ev));
    }

    private Optional<EnergyOffer> offer(KitBap.Call discover)
        throws InterruptedException, ConformanceSetupException {
      ConformanceCase c = BppCases.OFFERS;
      Exchange sent = discover.sent().evidence("discover");
      if (!discover.sent().answer().isAck()) {
        record.accept(
            CaseResult.failed(
                c,
                "discover was not acknowledged: " + discover.sent().answer().summary(),
                List.of(sent)));
        return Optional.empty();
      }
      CallbackMatch cb = kit.callback(discover);
      List<Exchange> ev = cb.evidence(sent);
      if (!cb.counts()) {
        record.accept(CaseResult.failed(c, cb.problem(), ev));
        return Optional.empty();
      }
      Inbound onDiscover = cb.callback();
      if (kit.parties().bppId() == null && onDiscover.context("bpp_id") != null) {
        kit.bppId(onDiscover.context("bpp_id"));
      }
      List<EnergyOffer> offers;
      try {
        offers = OfferCheck.offers(onDiscover);
      } catch (MessageParseException | TradeCodecException e) {
        record.accept(
            CaseResult.failed(c, "on_discover's catalog cannot be read: " + e.getMessage(), ev));
        return Optional.empty();
      }
      Optional<EnergyOffer> usable = OfferCheck.usable(offers);
      if (usable.isEmpty()) {
        throw new ConformanceSetupException(OfferCheck.missing(offers).error());
      }
      record.accept(
          CaseResult.passed(
              c,
              offers.size()
                  + " offer(s); the kit trades against '"
                  + usable.get().offerId()
                  + "' ("
                  + usable.get().slot()
                  + ", "
                  + usable.get().price()
                  + ")",
              ev));
      return usable;
    }
  }

  private static String readStatus(byte[] body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(body)
          .path("message")
          .path("ack")
          .path("status")
          .asText();
    } catch (IOException e) {
      return "";
    }
  }
}
