package org.uei.p2p.conformance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.VerificationResult;

/**
 * The kit's listener and client over real loopback HTTP, with keys registered in a local registry:
 * a correctly signed callback is ACKed and kept with a valid signature check; one signed by a
 * subscriber other than the context's sender gets 401 with {@code WWW-Authenticate}.
 */
class BecknListenerTest {

  private static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";

  private static byte[] callback(String bppId) {
    return ("{\"context\":{\"action\":\"on_status\",\"bpp_id\":\""
            + bppId
            + "\",\"transaction_id\":\"t1\","
            + "\"message_id\":\"m1\"},\"message\":{}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void signedCallbacksAreCheckedAgainstTheRegistryAndTheContextSender(@TempDir Path dir)
      throws Exception {
    try (LocalRegistry registry =
        LocalRegistry.builder().host("127.0.0.1").port(0).dataDir(dir).start()) {
      KitIdentity seller = KitIdentity.fresh("seller.test.local");
      seller.registerLocally(registry.baseUrl(), "BPP", "http://127.0.0.1:1", DOMAIN);
      KitIdentity other = KitIdentity.fresh("other.test.local");
      other.registerLocally(registry.baseUrl(), "BPP", "http://127.0.0.1:2", DOMAIN);
      BecknVerifier verifier =
          BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(registry.baseUrl())));
      try (BecknListener listener =
          new BecknListener("127.0.0.1", 0, verifier, "bpp_id", "kit.test.local")) {
        listener.responder(
            m ->
                m.signature().valid() ? BecknListener.ack() : listener.unauthorized(m.signature()));
        BecknClient client = new BecknClient(Duration.ofSeconds(10));
        String url = "http://127.0.0.1:" + listener.port();

        byte[] good = callback("seller.test.local");
        HttpAnswer ok =
            client.post(url, "on_status", good, seller.signer().authorization(good)).answer();
        assertTrue(ok.isAck(), ok.summary());

        byte[] spoofed = callback("seller.test.local");
        HttpAnswer refused =
            client.post(url, "on_status", spoofed, other.signer().authorization(spoofed)).answer();
        assertEquals(401, refused.status());
        assertEquals(
            "Signature realm=\"kit.test.local\",headers=\"(created) (expires) digest\"",
            refused.header(SignatureHeaders.WWW_AUTHENTICATE));

        assertEquals(2, listener.received().size());
        Inbound first = listener.received().get(0);
        assertTrue(first.signature().valid());
        assertEquals("on_status", first.action());
        assertEquals("m1", first.context("message_id"));
        Inbound second = listener.received().get(1);
        assertEquals(VerificationResult.Status.SIGNER_MISMATCH, second.signature().status());
        assertTrue(second.answer().startsWith("HTTP 401"), second.answer());

        Optional<Inbound> none =
            listener.await(m -> "on_confirm".equals(m.action()), Duration.ofMillis(50));
        assertFalse(none.isPresent());
      }
    }
  }
}
