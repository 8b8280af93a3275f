package org.uei.p2p.node.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.DiscoverMessage;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.inbound.InboundExchange;
import org.uei.p2p.node.inbound.ParseStage;

/**
 * Properties of the parse and validate steps of the inbound path over generated input: whatever the
 * bytes, the node either reads an envelope or refuses with a 400 and a BECKN-005 code, and never
 * fails with an unexpected exception (which the HTTP layer would turn into a 500).
 */
class InboundParsePropertyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOMAIN = "beckn.one:deg:p2p-trading-interdiscom:2.0.0";
  private static final String[] CONTEXT_FIELDS = {
    "domain",
    "action",
    "version",
    "bap_id",
    "bap_uri",
    "bpp_id",
    "bpp_uri",
    "transaction_id",
    "message_id",
    "timestamp",
    "ttl"
  };

  private final ParseStage parse = new ParseStage();
  private final Wave1Validator validator = Wave1Validator.strict();

  @Property(tries = 500)
  void arbitraryBytesAreReadOrRefusedWithACode(@ForAll byte[] body) {
    assertReadOrRefused(body);
  }

  @Property(tries = 500)
  void arbitraryTextIsReadOrRefusedWithACode(@ForAll("jsonish") String body) {
    assertReadOrRefused(body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 500)
  void aContextFieldReplacedByAnyValueIsReadOrRefusedAndValidationNamesEveryProblem(
      @ForAll("contextField") String field, @ForAll("anyJsonValue") Object value) throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(validDiscover(UUID.randomUUID(), Instant.now()));
    ((ObjectNode) tree.get("context")).set(field, JSON.valueToTree(value));
    InboundExchange exchange = assertReadOrRefused(JSON.writeValueAsBytes(tree));
    if (exchange != null) {
      ValidationResult result = validator.validate(exchange.envelope(), Action.DISCOVER);
      for (BecknError e : result.errors()) {
        assertFalse(e.getCode() == null || e.getCode().isBlank(), e.toString());
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), e.toString());
      }
    }
  }

  @Property(tries = 200)
  void everyWellFormedDiscoverIsAcceptedWithItsIdsIntact(
      @ForAll("uuids") UUID messageId, @ForAll("recent") Instant at) throws Exception {
    byte[] body = validDiscover(messageId, at);
    InboundExchange exchange = assertReadOrRefused(body);
    assertTrue(exchange != null, "a well-formed discover was refused");
    assertEquals(messageId.toString(), exchange.envelope().getContext().getMessageId());
    ValidationResult result = validator.validate(exchange.envelope(), Action.DISCOVER);
    assertTrue(result.isValid(), result.errors().toString());
  }

  /** The exchange when the body was read, null when it was refused as it should be. */
  private InboundExchange assertReadOrRefused(byte[] body) {
    InboundExchange exchange = new InboundExchange(Action.DISCOVER, body, Map.of(), Instant.now());
    try {
      parse.apply(exchange);
      return exchange;
    } catch (InboundRejection r) {
      assertEquals(400, r.httpStatus(), r.toString());
      assertFalse(
          r.error().getCode() == null || r.error().getCode().isBlank(), "refusal without a code");
      return null;
    }
  }

  private static byte[] validDiscover(UUID messageId, Instant at) {
    Context c =
        Contexts.newRequest(
            Action.DISCOVER,
            new Contexts.Parties(
                DOMAIN, "bap.example", "http://127.0.0.1:1", "bpp.example", "http://127.0.0.1:2"),
            null,
            Duration.ofSeconds(30),
            Clock.fixed(at, java.time.ZoneOffset.UTC));
    c.setMessageId(messageId.toString());
    DiscoverMessage m = new DiscoverMessage();
    m.setFilters(
        DiscoverMessage.Filters.jsonPath("$[?(@.beckn:itemAttributes.sourceType == 'SOLAR')]"));
    return Envelopes.write(new Envelope<>(c, m));
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.strings()
        .withChars("{}[]\":,0123456789.eE-+ntrufalsc\\ \u00e9\u20ac")
        .ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> contextField() {
    return Arbitraries.of(CONTEXT_FIELDS);
  }

  @Provide
  Arbitrary<Object> anyJsonValue() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.integers(),
        Arbitraries.bigDecimals(),
        Arbitraries.of(true, false),
        Arbitraries.just(Map.of("a", 1)),
        Arbitraries.just(java.util.List.of(1, "x")),
        Arbitraries.doubles().map(d -> (Object) d));
  }

  @Provide
  Arbitrary<UUID> uuids() {
    // Random version-4 UUIDs, the form the strict rules ask for.
    return Arbitraries.randomValue(
        r ->
            new UUID(
                (r.nextLong() & ~0xF000L) | 0x4000L,
                (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L));
  }

  @Provide
  Arbitrary<Instant> recent() {
    return Arbitraries.longs().between(-5_000, 5_000).map(ms -> Instant.now().plusMillis(ms));
  }
}
