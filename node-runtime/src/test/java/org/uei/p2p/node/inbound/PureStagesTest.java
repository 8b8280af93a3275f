package org.uei.p2p.node.inbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/** Each stage that needs no database, built and run alone, without Quarkus. */
class PureStagesTest {

  private static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  private static final Ed25519KeyPair PEER = Ed25519KeyPair.generate();

  private static byte[] discover(String bapUri, Instant at) {
    DiscoverMessage m = new DiscoverMessage();
    m.setFilters(
        DiscoverMessage.Filters.jsonPath("$[?(@.beckn:itemAttributes.sourceType == 'SOLAR')]"));
    return Envelopes.write(
        new Envelope<>(
            Contexts.newRequest(
                Action.DISCOVER,
                new Contexts.Parties(DOMAIN, "bap.peer", bapUri, "bpp.node", "http://127.0.0.1:2"),
                null,
                Duration.ofSeconds(30),
                Clock.fixed(at, java.time.ZoneOffset.UTC)),
            m));
  }

  /** An exchange through parse (and the signature check when signed), as later stages see it. */
  private static InboundExchange parsed(byte[] body, boolean signed) throws InboundRejection {
    Map<String, String> headers = new HashMap<>();
    if (signed) {
      headers.put("Authorization", BecknSigner.of("bap.peer", "k1", PEER).authorization(body));
    }
    InboundExchange x = new InboundExchange(Action.DISCOVER, body, headers, Instant.now());
    new SignatureStage(
            BecknVerifier.of(
                StaticKeyResolver.builder().add("bap.peer", "k1", PEER.publicKeyBase64()).build()),
            !signed,
            "bpp.node")
        .apply(x);
    new ParseStage().apply(x);
    return x;
  }

  private static InboundRejection refused(InboundStage stage, InboundExchange x) {
    return assertThrows(InboundRejection.class, () -> stage.apply(x));
  }

  @Test
  void bodyAndHeaderSizes() {
    byte[] body = new byte[101];
    assertEquals(
        413,
        refused(
                new BodySizeStage(100),
                new InboundExchange(Action.DISCOVER, body, Map.of(), Instant.now()))
            .httpStatus());
    assertDoesNotThrow(
        () ->
            new BodySizeStage(101)
                .apply(new InboundExchange(Action.DISCOVER, body, Map.of(), Instant.now())));
    Map<String, String> big = Map.of("X-Padding", "p".repeat(200));
    assertEquals(
        431,
        refused(
                new HeaderSizeStage(100),
                new InboundExchange(Action.DISCOVER, body, big, Instant.now()))
            .httpStatus());
    InboundRejection longSignature =
        refused(
            new HeaderSizeStage(100_000),
            new InboundExchange(
                Action.DISCOVER,
                body,
                Map.of("Authorization", "x".repeat(HeaderSizeStage.MAX_SIGNATURE_HEADER + 1)),
                Instant.now()));
    assertEquals(400, longSignature.httpStatus());
  }

  @Test
  void parseRefusesWhatIsNotOneUtf8JsonTextAndAWrongAction() throws Exception {
    byte[] ok = discover("http://127.0.0.1:1", Instant.now());
    assertEquals(
        400,
        refused(
                new ParseStage(),
                new InboundExchange(
                    Action.DISCOVER,
                    new String(ok, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16),
                    Map.of(),
                    Instant.now()))
            .httpStatus());
    InboundRejection wrongEndpoint =
        refused(new ParseStage(), new InboundExchange(Action.SELECT, ok, Map.of(), Instant.now()));
    assertEquals("context.action", wrongEndpoint.error().getPaths());
    assertEquals("bap.peer", parsed(ok, false).contextSender());
  }

  @Test
  void validateDomainAndContextTimesEachDoTheirOneJob() throws Exception {
    InboundExchange x = parsed(discover("http://127.0.0.1:1", Instant.now()), false);
    assertDoesNotThrow(() -> new ValidateStage(Wave1Validator.strict()::validate).apply(x));
    assertTrue(
        refused(new ValidateStage((e, a) -> Wave1Validator.strict().validate(e, Action.SELECT)), x)
                .errors()
                .size()
            > 0);
    assertDoesNotThrow(() -> new DomainStage(DOMAIN).apply(x));
    assertDoesNotThrow(() -> new DomainStage(null).apply(x));
    assertEquals("context.domain", refused(new DomainStage("other"), x).error().getPaths());
    ContextTimes times =
        new ContextTimes(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(1));
    assertDoesNotThrow(() -> new ContextTimesStage(times).apply(x));
    InboundExchange future =
        parsed(discover("http://127.0.0.1:1", Instant.now().plus(Duration.ofHours(1))), false);
    assertEquals(
        "context.timestamp", refused(new ContextTimesStage(times), future).error().getPaths());
  }

  @Test
  void theSignerMustBeTheSenderAndItsUrlTheRegisteredOne() throws Exception {
    InboundExchange x = parsed(discover("http://127.0.0.1:1", Instant.now()), true);
    assertDoesNotThrow(() -> new SenderBindingStage("bpp.node").apply(x));
    assertEquals(
        "context.bpp_id", refused(new SenderBindingStage("bpp.other"), x).error().getPaths());
    assertDoesNotThrow(
        () -> new SenderUriStage((id, key) -> "http://127.0.0.1:1/", 2048, true).apply(x));
    assertEquals(
        "context.bap_uri",
        refused(new SenderUriStage((id, key) -> "http://127.0.0.1:9", 2048, true), x)
            .error()
            .getPaths());
    assertDoesNotThrow(
        () -> new SenderUriStage((id, key) -> "http://127.0.0.1:9", 2048, false).apply(x));
    assertEquals(
        "context.bap_uri",
        refused(new SenderUriStage((id, key) -> "http://127.0.0.1:1", 10, false), x)
            .error()
            .getPaths());
  }
}
