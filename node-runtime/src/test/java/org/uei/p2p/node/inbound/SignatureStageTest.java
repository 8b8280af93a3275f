package org.uei.p2p.node.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

class SignatureStageTest {

  private static final Ed25519KeyPair PEER = Ed25519KeyPair.generate();
  private static final byte[] BODY =
      "{\"context\":{},\"message\":{}}".getBytes(StandardCharsets.UTF_8);

  private static SignatureStage stage(boolean skip) {
    BecknVerifier verifier =
        BecknVerifier.of(
            StaticKeyResolver.builder().add("bap.peer", "k1", PEER.publicKeyBase64()).build());
    return new SignatureStage(verifier, skip, "bpp.node");
  }

  private static InboundExchange exchange(String authorization) {
    return new InboundExchange(
        Action.DISCOVER,
        BODY,
        authorization == null ? Map.of() : Map.of("authorization", authorization),
        Instant.now());
  }

  @Test
  void aValidSignatureIsAcceptedAndRecorded() throws Exception {
    InboundExchange ok = exchange(BecknSigner.of("bap.peer", "k1", PEER).authorization(BODY));
    stage(false).apply(ok);
    assertEquals("bap.peer", ok.signature().signerId());
  }

  @Test
  void withoutTheTestingSwitchAnUnsignedMessageIsRefused() {
    InboundRejection r =
        assertThrows(InboundRejection.class, () -> stage(false).apply(exchange(null)));
    assertEquals(401, r.httpStatus());
    assertTrue(r.headers().get("WWW-Authenticate").startsWith("Signature realm=\"bpp.node\""));
  }

  @Test
  void theTestingSwitchLetsUnsignedAndWronglySignedMessagesThrough() throws Exception {
    InboundExchange unsigned = exchange(null);
    stage(true).apply(unsigned);
    assertNull(unsigned.signature(), "nothing was verified");
    InboundExchange forged =
        exchange(BecknSigner.of("bap.peer", "k1", Ed25519KeyPair.generate()).authorization(BODY));
    stage(true).apply(forged);
    assertNull(forged.signature());
  }
}
