package org.uei.p2p.conformance.bap;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseLog;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.WhenListening;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.setup.Preflight;
import org.uei.p2p.conformance.setup.SetupCheck;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * Runs the {@link Wave2BapCases} against a buyer platform on IES wave 2: the kit plays a seller
 * platform with one offer, has the buyer run its flow through a {@link BapTrigger}, checks every
 * request it received and how its callbacks were answered, then probes with an unsigned callback.
 */
public final class Wave2BapConformance {

  private final BapConformance.Config config;
  private WhenListening whenListening = WhenListening.NOTHING;

  /** A run with the same options as a wave-1 one. */
  public Wave2BapConformance(BapConformance.Config config) {
    this.config = config;
  }

  /** Has {@code hook} run (e.g. register the kit) once the seller endpoint is bound. */
  public Wave2BapConformance whenListening(WhenListening hook) {
    this.whenListening = hook;
    return this;
  }

  /**
   * Starts the seller endpoint, triggers the flow, runs every case and stops the endpoint.
   *
   * @throws ConformanceSetupException when the run cannot start
   */
  public ConformanceReport run(Consumer<String> progress)
      throws ConformanceSetupException, InterruptedException {
    Instant started = Instant.now();
    CaseLog record = new CaseLog(progress);
    Preflight pre = new Preflight();
    pre.registry(config.registryUrl()).require();
    pre.target(config.targetUrl(), "bap").require();
    BecknVerifier verifier =
        BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(config.registryUrl())));
    KitIdentity id = config.identity();
    Wave2FakeSeller seller = new Wave2FakeSeller(id, config.publicUrl(), config.zone());
    try (BecknListener listener =
        new BecknListener(
            config.listenHost(),
            config.listenPort(),
            verifier,
            // A request is signed by its bapId, an on_* (the buyer's pass-on to its DISCOM's
            // ledger, which the kit may play) by its bppId.
            tree -> {
              var ctx = tree.path("context");
              return ctx.path(ctx.path("action").asText("").startsWith("on_") ? "bppId" : "bapId")
                  .asText(null);
            },
            id.subscriberId())) {
      listener.responder(seller::respond);
      register(pre);
      String triggerProblem = null;
      try {
        config
            .trigger()
            .runFlow(
                id.subscriberId(),
                seller.offer().offerId(),
                () -> listener.received().stream().anyMatch(m -> "status".equals(m.action())));
      } catch (Exception e) {
        triggerProblem = e.getMessage() == null ? e.toString() : e.getMessage();
      }
      long requests = listener.received().stream().filter(m -> m.signature().valid()).count();
      seller.awaitCallbacks((int) requests, config.ttl());
      Wave2RequestChecks checks = new Wave2RequestChecks(listener.received(), seller);
      record.accept(checks.flow(Wave2BapCases.FLOW, triggerProblem));
      record.accept(checks.signed(Wave2BapCases.SIGNED));
      record.accept(checks.valid(Wave2BapCases.VALID));
      record.accept(checks.context(Wave2BapCases.CONTEXT));
      record.accept(checks.ledgers(Wave2BapCases.LEDGERS));
      record.accept(checks.settlement(Wave2BapCases.SETTLEMENT));
      record.accept(checks.acks(Wave2BapCases.ACKS));
      Optional<Inbound> confirm = checks.first("confirm");
      record.accept(
          confirm.isPresent()
              ? checks.unsignedCallback(Wave2BapCases.UNSIGNED_CALLBACK, confirm.get())
              : CaseResult.notRun(
                  Wave2BapCases.UNSIGNED_CALLBACK,
                  "needs a confirm; see " + Wave2BapCases.FLOW.id()));
      Optional<byte[]> onConfirm =
          seller.callbacks().stream()
              .filter(cb -> "on_confirm".equals(cb.action()) && cb.sent().answer().isAck())
              .map(cb -> cb.sent().body())
              .findFirst();
      if (confirm.isPresent() && onConfirm.isPresent()) {
        new Wave2BapSettlement(id, config.publicUrl(), listener, config.ttl())
            .run(confirm.get(), onConfirm.get(), record);
      } else {
        Wave2BapSettlement.notRun(
            record,
            "needs a confirm answered with an ACKed on_confirm; see " + Wave2BapCases.FLOW.id());
      }
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
    return new ConformanceReport(
        "bap", config.targetUrl(), started, record.ordered(Wave2BapCases.ALL));
  }

  private void register(Preflight pre) throws ConformanceSetupException, InterruptedException {
    KitIdentity id = config.identity();
    try {
      whenListening.ready(config.publicUrl());
    } catch (IOException e) {
      throw new ConformanceSetupException(
          "kit registration: "
              + e.getMessage()
              + "; register the kit's key with the registry the BAP uses yourself and give the kit"
              + " that key (uei conformance: --subscriber-id, --key-id, --private-key)",
          e);
    }
    SetupCheck key =
        pre.key(
            "kit key",
            config.registryUrl(),
            id.subscriberId(),
            id.keyId(),
            id.key().publicKeyBase64(),
            "register " + id.subscriberId() + " with key " + id.keyId() + " in the registry");
    if (!key.ok()) {
      throw new ConformanceSetupException(key.error());
    }
  }

  /** How long the kit waits for its probe's answer. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
}
