package org.uei.p2p.conformance.bap;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseLog;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.WhenListening;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.setup.Preflight;
import org.uei.p2p.conformance.setup.SetupCheck;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * Runs the {@link BapCases} against a buyer platform: the kit plays a seller platform with one
 * offer at its own endpoint (registered in the registry the buyer platform uses), has the buyer
 * platform run its flow through a {@link BapTrigger}, checks every request it received, then sends
 * its own probe callbacks.
 */
public final class BapConformance {

  /**
   * What a run needs.
   *
   * @param targetUrl the buyer platform's Beckn endpoint (for the report; callbacks go to its
   *     bap_uri)
   * @param registryUrl the registry both sides look keys up in
   * @param identity the kit's registered seller identity
   * @param listenHost where the kit's seller endpoint binds
   * @param listenPort its port (registered in the registry before the run)
   * @param publicUrl the kit's {@code bpp_uri} as the buyer reaches it; null:
   *     http://listenHost:port
   * @param ttl how long the kit waits for its callbacks to be delivered after the flow
   * @param zone the network's zone (the kit's offer is for a tradable slot in it)
   * @param trigger makes the buyer platform run its flow
   */
  public record Config(
      String targetUrl,
      String registryUrl,
      KitIdentity identity,
      String listenHost,
      int listenPort,
      String publicUrl,
      Duration ttl,
      ZoneId zone,
      BapTrigger trigger) {

    /** Requires target, registry, identity and trigger; defaults for the rest when null. */
    public Config {
      Objects.requireNonNull(targetUrl, "targetUrl");
      Objects.requireNonNull(registryUrl, "registryUrl");
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(trigger, "trigger");
      listenHost = listenHost == null ? "127.0.0.1" : listenHost;
      publicUrl = publicUrl == null ? "http://" + listenHost + ":" + listenPort : publicUrl;
      ttl = ttl == null ? Duration.ofSeconds(30) : ttl;
      zone = zone == null ? ZoneId.of("Asia/Kolkata") : zone;
    }
  }

  /** The id of the kit's one offer, which a joiner driving the flow by hand selects. */
  public static final String OFFER_ID = "conformance-offer-1";

  /**
   * The one offer the kit's seller makes: 50 kWh at 6.50 INR/kWh from {@code providerId}'s {@code
   * meter} in the {@link #offeredHour}, open until 4 hours before it.
   */
  static EnergyOffer kitOffer(String providerId, MeterPoint meter, ZoneId zone) {
    ZonedDateTime t = offeredHour(zone);
    return new EnergyOffer(
        OFFER_ID,
        providerId,
        meter,
        DeliverySlot.hourStarting(t.toInstant()),
        UnitPrice.inr("6.50"),
        new BigDecimal("50"),
        Instant.now().minus(Duration.ofMinutes(5)),
        t.toInstant().minus(Duration.ofHours(4)));
  }

  /**
   * The start of the kit's offered slot: the first whole hour between 06:00 and 18:00 local that
   * starts more than 5 hours from now, so that it is still open past the 4-hour gate closure.
   */
  static ZonedDateTime offeredHour(ZoneId zone) {
    ZonedDateTime t =
        Instant.now()
            .plus(Duration.ofHours(5))
            .atZone(zone)
            .truncatedTo(ChronoUnit.HOURS)
            .plusHours(1);
    while (t.getHour() < 6 || t.getHour() >= 18) {
      t = t.plusHours(1);
    }
    return t;
  }

  private final Config config;
  private WhenListening whenListening = WhenListening.NOTHING;

  public BapConformance(Config config) {
    this.config = config;
  }

  /**
   * Has {@code hook} run (e.g. register the kit) once the seller endpoint is bound, before the flow
   * starts.
   */
  public BapConformance whenListening(WhenListening hook) {
    this.whenListening = hook;
    return this;
  }

  /**
   * Starts the seller endpoint, triggers the flow, runs every case and stops the endpoint.
   *
   * @throws ConformanceSetupException when the endpoint cannot start
   */
  public ConformanceReport run(Consumer<String> progress)
      throws ConformanceSetupException, InterruptedException {
    BecknVerifier verifier =
        BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(config.registryUrl())));
    Instant started = Instant.now();
    CaseLog record = new CaseLog(progress);
    Preflight pre = new Preflight();
    pre.registry(config.registryUrl()).require();
    pre.target(config.targetUrl(), "bap").require();
    FakeSeller seller = new FakeSeller(config.identity(), config.publicUrl(), config.zone());
    try (BecknListener listener =
        new BecknListener(
            config.listenHost(),
            config.listenPort(),
            verifier,
            "bap_id",
            config.identity().subscriberId())) {
      listener.responder(m -> seller.respond(listener, m));
      register();
      String triggerProblem = null;
      try {
        config
            .trigger()
            .runFlow(
                config.identity().subscriberId(),
                seller.offer().offerId(),
                () -> statusAnswered(listener, seller));
      } catch (Exception e) {
        triggerProblem = e.getMessage() == null ? e.toString() : e.getMessage();
      }
      awaitCallbacks(listener, seller);
      RequestChecks checks = new RequestChecks(listener.received(), seller);
      record.accept(checks.flow(BapCases.FLOW_REACHED, triggerProblem));
      record.accept(checks.signed(BapCases.SIGNED));
      record.accept(checks.valid(BapCases.VALID));
      record.accept(checks.context(BapCases.CONTEXT));
      record.accept(checks.consistent(BapCases.CONSISTENT));
      record.accept(checks.energy(BapCases.ENERGY));
      record.accept(checks.acks(BapCases.ACKS));
      probes(checks, seller, record);
    } catch (IOException e) {
      throw new ConformanceSetupException(
          "cannot serve the kit's seller endpoint on "
              + config.listenHost()
              + ":"
              + config.listenPort()
              + ": "
              + e.getMessage(),
          e);
    } finally {
      seller.close();
    }
    return new ConformanceReport("bap", config.targetUrl(), started, record.recorded());
  }

  private void probes(RequestChecks checks, FakeSeller seller, Consumer<CaseResult> record) {
    Optional<Inbound> confirm = checks.first("confirm");
    Optional<Inbound> select = checks.first("select");
    TradeOrder order = confirm.map(c -> seller.confirmedBy(c.context("message_id"))).orElse(null);
    List<ConformanceCase> probeCases =
        List.of(
            BapCases.UNSOLICITED,
            BapCases.MISSING_SIGNATURE,
            BapCases.TAMPERED,
            BapCases.EXPIRED,
            BapCases.UNKNOWN_KEY,
            BapCases.NEVER_SENT,
            BapCases.UNKNOWN_FIELDS,
            BapCases.REPLAY);
    if (order == null || select.isEmpty()) {
      probeCases.forEach(
          c ->
              record.accept(
                  CaseResult.notRun(
                      c, "needs a confirmed order; see " + BapCases.FLOW_REACHED.id())));
      return;
    }
    Context confirmContext = RequestChecks.context(confirm.get());
    BapProbes p =
        new BapProbes(
            config.identity(), new BecknClient(Duration.ofSeconds(15)), confirmContext, order);
    record.accept(p.unsolicitedAccepted(BapCases.UNSOLICITED));
    record.accept(p.missingSignature(BapCases.MISSING_SIGNATURE));
    record.accept(p.tampered(BapCases.TAMPERED));
    record.accept(p.expired(BapCases.EXPIRED));
    record.accept(p.unknownKey(BapCases.UNKNOWN_KEY));
    record.accept(p.neverSent(BapCases.NEVER_SENT, RequestChecks.context(select.get())));
    record.accept(p.unknownFields(BapCases.UNKNOWN_FIELDS));
    record.accept(p.replay(BapCases.REPLAY));
  }

  private void register() throws ConformanceSetupException, InterruptedException {
    KitIdentity id = config.identity();
    try {
      whenListening.ready(config.publicUrl());
    } catch (IOException e) {
      throw new ConformanceSetupException(
          "kit registration: "
              + e.getMessage()
              + "; register the kit's key with the"
              + " registry the BAP uses yourself and give the kit that key (uei conformance: --subscriber-id, --key-id,"
              + " --private-key)",
          e);
    }
    SetupCheck key =
        new Preflight()
            .key(
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
                    + " in the registry the BAP uses");
    if (!key.ok()) {
      throw new ConformanceSetupException(key.error());
    }
  }

  /** True once the kit has answered a validly signed status: the last step of the flow. */
  private static boolean statusAnswered(BecknListener listener, FakeSeller seller) {
    return listener.received().stream()
        .anyMatch(
            m ->
                "status".equals(m.action())
                    && m.signature().valid()
                    && seller.callbacks().containsKey(m.context("message_id")));
  }

  /**
   * Waits (bounded by the ttl) until every request the kit ACKed has had its callback delivered.
   */
  private void awaitCallbacks(BecknListener listener, FakeSeller seller)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(config.ttl());
    while (Instant.now().isBefore(deadline)) {
      Set<String> acked = new HashSet<>();
      listener.received().stream()
          .filter(m -> m.signature().valid())
          .forEach(m -> acked.add(m.context("message_id")));
      if (seller.callbacks().keySet().containsAll(acked)) {
        return;
      }
      Thread.sleep(50);
    }
  }
}
