package org.uei.p2p.conformance.bpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.uei.p2p.conformance.ConformanceSetupException;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.bap.BapTrigger;
import org.uei.p2p.conformance.bap.SellerDouble;
import org.uei.p2p.conformance.setup.SetupCheck;
import org.uei.p2p.registry.local.LocalRegistry;

/**
 * A joiner's first run against a target that is not ready ends in one setup error naming the fix,
 * not in a report of failed and skipped cases; the doctor says the same before any case runs.
 */
class UnpreparedTargetTest {

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aSellerWithoutAnOfferIsASetupErrorWithTheFix() throws Exception {
    try (LocalRegistry registry = LocalRegistry.builder().start();
        SellerDouble seller =
            new SellerDouble(registry.baseUrl(), SellerDouble.Fault.NO_OFFER, Duration.ZERO)) {
      int kitPort = closedPort();
      KitIdentity kit = KitIdentity.fresh("kit-unprepared.conformance.local");
      BppConformance.Config config =
          new BppConformance.Config(
              seller.url(),
              seller.id(),
              registry.baseUrl(),
              kit,
              "127.0.0.1",
              kitPort,
              seller.callbackUrl("http://127.0.0.1:" + kitPort),
              null,
              Duration.ofSeconds(3),
              null,
              null,
              null,
              null,
              null);
      BppConformance conformance =
          new BppConformance(config)
              .whenListening(
                  url -> kit.registerLocally(registry.baseUrl(), "BAP", url, config.domain()));

      List<SetupCheck> checks = conformance.doctor();
      assertEquals(
          List.of("registry", "target", "kit key", "offer"),
          checks.stream().map(SetupCheck::name).toList());
      assertEquals("offer: the BPP's catalog is empty; " + OfferCheck.FIX, checks.get(3).error());

      ConformanceSetupException e =
          assertThrows(ConformanceSetupException.class, () -> conformance.run(line -> {}));
      assertEquals("offer: the BPP's catalog is empty; " + OfferCheck.FIX, e.getMessage());
    }
  }

  @Test
  void anUnreachableTargetIsOneSetupError() throws Exception {
    try (LocalRegistry registry = LocalRegistry.builder().start()) {
      String target = "http://127.0.0.1:" + closedPort();
      BppConformance conformance =
          new BppConformance(
              BppConformance.Config.of(
                  target, "bpp.example", registry.baseUrl(), KitIdentity.fresh("kit.example")));
      ConformanceSetupException e =
          assertThrows(ConformanceSetupException.class, () -> conformance.run(line -> {}));
      assertEquals(
          "target: "
              + target
              + " cannot be reached (connection refused); start your BPP there, or pass the"
              + " URL it listens on with --target",
          e.getMessage());
    }
  }

  @Test
  void aKitKeyTheRegistryDoesNotPublishIsNamed() throws Exception {
    try (LocalRegistry registry = LocalRegistry.builder().start();
        SellerDouble seller =
            new SellerDouble(registry.baseUrl(), SellerDouble.Fault.NONE, Duration.ZERO)) {
      KitIdentity kit = KitIdentity.fresh("kit-unregistered.conformance.local");
      List<SetupCheck> checks =
          new BppConformance(
                  BppConformance.Config.of(seller.url(), seller.id(), registry.baseUrl(), kit))
              .doctor();
      SetupCheck last = checks.get(checks.size() - 1);
      assertEquals("kit key", last.name());
      assertTrue(
          last.error()
              .endsWith(
                  "; register kit-unregistered.conformance.local with key k1 and the kit's public"
                      + " key "
                      + kit.key().publicKeyBase64()
                      + " in the registry the BPP uses"),
          last.error());
    }
  }

  @Test
  @Timeout(60)
  void waitingForAJoinersFlowEndsWhenTheFlowIsOver() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    BapTrigger.waitFor(Duration.ofMinutes(10))
        .runFlow("bpp", "offer", () -> asked.incrementAndGet() == 3);
    assertEquals(3, asked.get(), "returned as soon as the flow was done, not after ten minutes");
  }
}
