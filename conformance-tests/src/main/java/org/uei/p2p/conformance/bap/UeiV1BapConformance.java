package org.uei.p2p.conformance.bap;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseLog;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.WhenListening;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.setup.Preflight;
import org.uei.p2p.conformance.setup.SetupCheck;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * Runs the {@link UeiV1BapCases} against a buyer platform on UEI v1 (Beckn 1.1.0): the kit plays a
 * seller platform with one offer, has the buyer run its flow through a {@link BapTrigger}, checks
 * every request it received and how its callbacks were answered, then probes with a forged and an
 * unsigned callback.
 */
public final class UeiV1BapConformance {

  private final BapConformance.Config config;
  private WhenListening whenListening = WhenListening.NOTHING;

  /** A run with the same options as a wave-1 one. */
  public UeiV1BapConformance(BapConformance.Config config) {
    this.config = config;
  }

  /** Has {@code hook} run (e.g. register the kit) once the seller endpoint is bound. */
  public UeiV1BapConformance whenListening(WhenListening hook) {
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
    UeiV1FakeSeller seller = null;
    try (BecknListener listener =
        new BecknListener(
            config.listenHost(), config.listenPort(), verifier, "bap_id", id.subscriberId())) {
      seller = new UeiV1FakeSeller(id, config.publicUrl(), config.zone(), listener);
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
      UeiV1RequestChecks checks = new UeiV1RequestChecks(listener.received(), seller);
      record.accept(checks.flow(UeiV1BapCases.FLOW, triggerProblem));
      record.accept(checks.signed(UeiV1BapCases.SIGNED));
      record.accept(checks.valid(UeiV1BapCases.VALID));
      record.accept(checks.context(UeiV1BapCases.CONTEXT));
      record.accept(checks.catalogPrice(UeiV1BapCases.CATALOG_PRICE));
      record.accept(checks.acks(UeiV1BapCases.ACKS));
      record.accept(checks.forged(UeiV1BapCases.FORGED_CALLBACK, id, config.publicUrl()));
      record.accept(checks.unsigned(UeiV1BapCases.UNSIGNED_CALLBACK, id, config.publicUrl()));
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
      if (seller != null) {
        seller.close();
      }
    }
    return new ConformanceReport(
        "bap", config.targetUrl(), started, record.ordered(UeiV1BapCases.ALL));
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
}
