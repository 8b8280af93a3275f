package org.uei.p2p.node.inbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.Wave2TestMessages;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.WireEnvelope;
import org.uei.p2p.node.wire.WireReader;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** The stages that need no database, on wave-2 messages, without Quarkus. */
class Wave2StagesTest {

  private static final Ed25519KeyPair PEER = Ed25519KeyPair.generate();
  private static final Set<WireGeneration> BOTH =
      Set.of(WireGeneration.DEG_WAVE1, WireGeneration.IES_WAVE2);
  private static final ParseStage PARSE_BOTH =
      new ParseStage(
          new WireReader(
              BOTH,
              w ->
                  w == WireGeneration.IES_WAVE2
                      ? Set.of("init", "catalog/publish")
                      : Set.of("discover", "init")));
  private static final ValidateStage VALIDATE =
      new ValidateStage(Wave1Validator.strict()::validate, Wave2Validator.strict()::validate);

  private static Wave2Envelope init(String bapUri) {
    return Wave2TestMessages.request(
        Wave2Action.INIT,
        "init",
        new Wave2Contexts.Parties(
            Wave2TestMessages.NETWORK, "bap.peer", bapUri, "bpp.node", "http://127.0.0.1:2"));
  }

  private static InboundExchange exchange(String endpoint, byte[] body, boolean signed) {
    Map<String, String> headers = new HashMap<>();
    if (signed) {
      headers.put("Authorization", BecknSigner.of("bap.peer", "k1", PEER).authorization(body));
    }
    return new InboundExchange(endpoint, body, headers, Instant.now());
  }

  /** Through the signature check (when signed) and parse, as later stages see it. */
  private static InboundExchange parsed(byte[] body, boolean signed) throws InboundRejection {
    InboundExchange x = exchange("init", body, signed);
    new SignatureStage(
            BecknVerifier.of(
                StaticKeyResolver.builder().add("bap.peer", "k1", PEER.publicKeyBase64()).build()),
            !signed,
            "bpp.node")
        .apply(x);
    PARSE_BOTH.apply(x);
    return x;
  }

  private static InboundRejection refused(InboundStage stage, InboundExchange x) {
    return assertThrows(InboundRejection.class, () -> stage.apply(x));
  }

  @Test
  void parseRoutesByTheDetectedWireAndRefusesAWireTheNodeDoesNotSpeak() throws Exception {
    byte[] body = init("http://127.0.0.1:1").write();
    InboundExchange x = parsed(body, false);
    assertEquals(WireGeneration.IES_WAVE2, x.wire());
    WireEnvelope.Wave2 w = assertInstanceOf(WireEnvelope.Wave2.class, x.parsed());
    assertEquals(Wave2Action.INIT, w.action());
    assertEquals("bap.peer", x.contextSender());
    assertEquals(null, x.envelope(), "no wave-1 view of a wave-2 message");

    InboundRejection wave1Only = refused(new ParseStage(), exchange("init", body, false));
    assertEquals(400, wave1Only.httpStatus());
    assertTrue(
        wave1Only.error().getMessage().contains("not IES wave 2"), wave1Only.error().getMessage());
    assertEquals(1, wave1Only.errors().size(), "one clear refusal, not a page of wave-1 errors");

    byte[] ueiV1 =
        ("{\"context\":{\"domain\":\"uei:p2p-trading\",\"version\":\"1.1.0\",\"action\":\"init\","
                + "\"transaction_id\":\"t\",\"message_id\":\"m\"},\"message\":{}}")
            .getBytes(StandardCharsets.UTF_8);
    InboundRejection unsupported = refused(PARSE_BOTH, exchange("init", ueiV1, false));
    assertEquals("30000", unsupported.error().getCode());
    assertTrue(
        unsupported.error().getMessage().contains("not UEI v1 (Beckn 1.1.0)"),
        unsupported.error().getMessage());

    InboundRejection notTaken = refused(PARSE_BOTH, exchange("discover", body, false));
    assertEquals(404, notTaken.httpStatus());
    assertEquals("40001", notTaken.error().getCode());
  }

  @Test
  void aWave2ActionOtherThanTheEndpointsIsRefusedAtItsCamelCasePath() throws Exception {
    byte[] publish =
        Wave2TestMessages.request(
                Wave2Action.CATALOG_PUBLISH,
                "catalog_publish",
                new Wave2Contexts.Parties(
                    Wave2TestMessages.NETWORK, null, null, "bpp.peer", "http://127.0.0.1:1"))
            .write();
    InboundExchange atPublish = exchange("catalog/publish", publish, false);
    PARSE_BOTH.apply(atPublish);
    assertEquals("bpp.peer", atPublish.contextSender(), "catalog/publish is sent by the provider");
    assertEquals(
        "context.action", refused(PARSE_BOTH, exchange("init", publish, false)).error().getPaths());
  }

  @Test
  void validateUsesTheWave2RulesWithPaths() throws Exception {
    assertDoesNotThrow(() -> VALIDATE.apply(parsed(init("http://127.0.0.1:1").write(), false)));
    byte[] broken =
        Wave2TestMessages.request(
                Wave2Action.INIT,
                "init",
                new Wave2Contexts.Parties(
                    Wave2TestMessages.NETWORK,
                    "bap.peer",
                    "http://127.0.0.1:1",
                    "bpp.node",
                    "http://127.0.0.1:2"),
                m ->
                    ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("contract"))
                        .remove("commitments"))
            .write();
    InboundRejection r = refused(VALIDATE, parsed(broken, false));
    assertEquals(400, r.httpStatus());
    assertEquals("30000", r.error().getCode());
    assertTrue(r.error().getPaths().startsWith("message.contract"), r.error().getPaths());
    assertThrows(
        IllegalStateException.class,
        () ->
            new ValidateStage(Wave1Validator.strict()::validate)
                .apply(parsed(init("http://127.0.0.1:1").write(), false)),
        "a wave-2 message needs wave-2 rules");
  }

  @Test
  void networkAndContextTimesAreJudgedAtWave2Paths() throws Exception {
    InboundExchange x = parsed(init("http://127.0.0.1:1").write(), false);
    assertDoesNotThrow(
        () -> new DomainStage("some-wave1-domain", Wave2TestMessages.NETWORK).apply(x));
    assertDoesNotThrow(() -> new DomainStage("some-wave1-domain", null).apply(x));
    assertEquals(
        "context.networkId",
        refused(new DomainStage(null, "indiaenergystack.in/ies-p2p-trading-network"), x)
            .error()
            .getPaths());
    ContextTimes times =
        new ContextTimes(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(1));
    assertDoesNotThrow(() -> new ContextTimesStage(times).apply(x));
    byte[] future =
        new String(init("http://127.0.0.1:1").write(), StandardCharsets.UTF_8)
            .replaceFirst(
                "\"timestamp\":\"[^\"]+\"",
                "\"timestamp\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\"")
            .replaceFirst("\"ttl\":\"PT30S\"", "\"ttl\":\"P2D\"")
            .getBytes(StandardCharsets.UTF_8);
    InboundRejection r = refused(new ContextTimesStage(times), parsed(future, false));
    assertEquals(
        "context.ttl,context.timestamp",
        org.uei.p2p.model.envelope.AckResponse.nack(r.errors()).error().getPaths());
  }

  @Test
  void theSignerMustBeTheBapIdAndItsUrlTheRegisteredOne() throws Exception {
    InboundExchange x = parsed(init("http://127.0.0.1:1").write(), true);
    assertDoesNotThrow(() -> new SenderBindingStage("bpp.node").apply(x));
    assertEquals(
        "context.bppId", refused(new SenderBindingStage("bpp.other"), x).error().getPaths());
    assertDoesNotThrow(
        () -> new SenderUriStage((id, key) -> "http://127.0.0.1:1/", 2048, true).apply(x));
    InboundRejection wrongUri =
        refused(new SenderUriStage((id, key) -> "http://127.0.0.1:9", 2048, true), x);
    assertEquals("context.bapUri", wrongUri.error().getPaths());

    byte[] body = init("http://127.0.0.1:1").write();
    InboundExchange forged = exchange("init", body, false);
    forged.signature(
        BecknVerifier.of(
                StaticKeyResolver.builder().add("bap.other", "k1", PEER.publicKeyBase64()).build())
            .verify(BecknSigner.of("bap.other", "k1", PEER).authorization(body), body, null, null));
    PARSE_BOTH.apply(forged);
    InboundRejection mismatch = refused(new SenderBindingStage("bpp.node"), forged);
    assertEquals(401, mismatch.httpStatus());
    assertTrue(
        mismatch.error().getMessage().contains("context.bapId"), mismatch.error().getMessage());
  }
}
