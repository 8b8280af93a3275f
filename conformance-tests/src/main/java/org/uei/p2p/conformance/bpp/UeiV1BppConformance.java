package org.uei.p2p.conformance.bpp;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.uei.p2p.conformance.CaseLog;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.WhenListening;
import org.uei.p2p.conformance.http.BecknClient;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.conformance.setup.Preflight;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.ueiv1.UeiV1Contexts;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknVerifier;

/**
 * Runs the {@link UeiV1BppCases} against a seller platform on UEI v1 (Beckn 1.1.0, domain {@code
 * uei:p2p-trading}): the kit plays the buyer platform with its own key and callback listener. It
 * takes the same options as a wave-1 run; the context's domain is always {@code uei:p2p-trading}.
 */
public final class UeiV1BppConformance {

  /** The kit's {@code context.location}: India, Lucknow (the UP pilot). */
  public static final String COUNTRY = "IND";

  /** The kit's city code, Lucknow. */
  public static final String CITY = "std:0522";

  private final BppConformance.Config config;
  private WhenListening whenListening = WhenListening.NOTHING;

  public UeiV1BppConformance(BppConformance.Config config) {
    this.config = config;
  }

  /** Has {@code hook} run (e.g. register the kit) once the listener is bound. */
  public UeiV1BppConformance whenListening(WhenListening hook) {
    this.whenListening = hook;
    return this;
  }

  /**
   * Starts the listener, runs every case and stops it.
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
            config.listenHost(), config.listenPort(), verifier, "bpp_id", id.subscriberId())) {
      listener.responder(
          m -> m.signature().valid() ? BecknListener.ack() : listener.unauthorized(m.signature()));
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
      UeiV1Kit kit =
          new UeiV1Kit(
              id,
              new BecknClient(config.ttl().plusSeconds(10)),
              listener,
              new UeiV1Contexts.Parties(
                  id.subscriberId(), bapUri, config.targetId(), config.targetUrl(), COUNTRY, CITY),
              config.ttl());
      MeterPoint buyer = new MeterPoint(config.buyerMeter(), config.buyerDiscom());
      new UeiV1BppRun(kit, buyer, record).all();
    } catch (IOException e) {
      throw new ConformanceSetupException(
          "cannot listen on " + config.listenHost() + ": " + e.getMessage(), e);
    }
    return new ConformanceReport(
        "bpp", config.targetUrl(), started, record.ordered(UeiV1BppCases.ALL));
  }
}
