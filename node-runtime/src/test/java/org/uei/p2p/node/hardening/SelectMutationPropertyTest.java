package org.uei.p2p.node.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.validation.ValidationResult;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.inbound.InboundExchange;
import org.uei.p2p.node.inbound.ParseStage;

/**
 * Random mutations of a valid select, at the byte level and in its number literals, through the
 * whole reading path a seller runs before business checks: parse, validate, decode the order. Every
 * step either accepts or refuses in the documented way (a 400 or a problem with a BECKN-005 code
 * and a text in the sender's terms); nothing else is ever thrown.
 */
class SelectMutationPropertyTest {

  private static final Pattern LEAK =
      Pattern.compile("org\\.uei|java\\.|com\\.fasterxml|Feature|`|REDACTED");
  private static final byte[] VALID = validSelect();

  private final ParseStage parse = new ParseStage();
  private final Wave1Validator validator = Wave1Validator.strict();
  private final Wave1Codec codec = new Wave1Codec();

  @Property(tries = 1000)
  void byteMutationsAreReadOrRefusedAsDocumented(@ForAll("byteMutations") List<int[]> edits) {
    byte[] body = VALID.clone();
    for (int[] e : edits) {
      body = apply(body, e[0], e[1], (byte) e[2]);
    }
    readValidateDecode(body);
  }

  @Property(tries = 500)
  void anyNumberLiteralInPlaceOfAQuantityOrPriceIsReadOrRefusedAsDocumented(
      @ForAll("numberLiterals") String literal, @ForAll("numberFields") String field) {
    String text = new String(VALID, StandardCharsets.UTF_8);
    String target = "\"" + field + "\":";
    int at = text.indexOf(target);
    int end = at + target.length();
    int stop = end;
    while (stop < text.length() && "0123456789.eE+-".indexOf(text.charAt(stop)) >= 0) {
      stop++;
    }
    readValidateDecode(
        (text.substring(0, end) + literal + text.substring(stop)).getBytes(StandardCharsets.UTF_8));
  }

  private void readValidateDecode(byte[] body) {
    InboundExchange exchange = new InboundExchange(Action.SELECT, body, Map.of(), Instant.now());
    try {
      parse.apply(exchange);
    } catch (InboundRejection r) {
      assertEquals(400, r.httpStatus(), r.toString());
      assertDocumented(r.error(), body);
      return;
    }
    ValidationResult result = validator.validate(exchange.envelope(), Action.SELECT);
    result.errors().forEach(e -> assertDocumented(e, body));
    if (!result.isValid()) {
      return;
    }
    try {
      TradeOrder order = codec.order(exchange.envelope().getMessage());
      order.lines().forEach(l -> l.price().valueOf(l.quantityKwh()).toPlainString());
    } catch (TradeCodecException e) {
      assertDocumented(e.error(), body);
    }
  }

  /**
   * A refusal may quote the sender's own value back; text that matches a leak pattern only counts
   * as a leak when the sender did not write it (a mutation may well put a backtick in a version).
   */
  private static void assertDocumented(BecknError e, byte[] body) {
    assertFalse(e.getCode() == null || e.getCode().isBlank(), "refusal without a code: " + e);
    assertFalse(e.getMessage() == null, "refusal without a text: " + e);
    String sent = new String(body, StandardCharsets.UTF_8);
    Matcher leak = LEAK.matcher(e.getMessage());
    while (leak.find()) {
      assertTrue(sent.contains(leak.group()), "refusal leaks: " + e);
    }
    assertFalse(
        e.getMessage().length() > 2000,
        "refusal text of " + e.getMessage().length() + " characters");
  }

  private static byte[] apply(byte[] body, int kind, int position, byte value) {
    int at = Math.floorMod(position, body.length + 1);
    return switch (kind) {
      case 0 -> { // replace
        byte[] b = body.clone();
        if (at < b.length) {
          b[at] = value;
        }
        yield b;
      }
      case 1 -> { // insert
        byte[] b = new byte[body.length + 1];
        System.arraycopy(body, 0, b, 0, at);
        b[at] = value;
        System.arraycopy(body, at, b, at + 1, body.length - at);
        yield b;
      }
      default -> { // delete
        if (at >= body.length) {
          yield body;
        }
        byte[] b = new byte[body.length - 1];
        System.arraycopy(body, 0, b, 0, at);
        System.arraycopy(body, at + 1, b, at, body.length - at - 1);
        yield b;
      }
    };
  }

  @Provide
  Arbitrary<List<int[]>> byteMutations() {
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length);
    // JSON punctuation, digits and bytes that start or continue UTF-8 sequences are the interesting
    // ones.
    Arbitrary<Integer> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                (int) '{',
                (int) '}',
                (int) '[',
                (int) ']',
                (int) '"',
                (int) ':',
                (int) ',',
                (int) '\\',
                (int) '0',
                (int) '9',
                (int) 'e',
                (int) '-',
                (int) '.',
                0),
            Arbitraries.integers().between(0, 255));
    return Combinators.combine(kind, position, value)
        .as((k, p, v) -> new int[] {k, p, v})
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> numberLiterals() {
    Arbitrary<String> digits =
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.longs().between(-2_000_000_000L, 2_000_000_000L).map(e -> "e" + e),
            Arbitraries.integers().between(-40, 40).map(e -> "E" + e));
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), digits.map(d -> "." + d));
    return Combinators.combine(Arbitraries.of("", "-"), digits, fraction, exponent)
        .as((s, i, f, e) -> s + i + f + e);
  }

  @Provide
  Arbitrary<String> numberFields() {
    return Arbitraries.of("unitQuantity", "schema:price");
  }

  private static byte[] validSelect() {
    Instant slot = Instant.parse("2030-01-10T05:30:00Z");
    OrderLine line =
        new OrderLine(
            "offer-1",
            "prosumer-1",
            new MeterPoint("UP-SELLER-1", "PVVNL"),
            new DeliverySlot(slot, slot.plus(Duration.ofHours(1))),
            UnitPrice.inr("6.10"),
            new BigDecimal("2.5"));
    TradeOrder order =
        new TradeOrder(
            null,
            TradeStatus.PENDING,
            "bap.example",
            "bpp.example",
            "buyer-1",
            new MeterPoint("DL-BUYER-1", "TPDDL"),
            List.of(line));
    return Envelopes.write(
        new Envelope<>(
            Contexts.newRequest(
                Action.SELECT,
                new Contexts.Parties(
                    "beckn.one:deg:p2p-trading-interdiscom:2.0.0",
                    "bap.example",
                    "http://127.0.0.1:1",
                    "bpp.example",
                    "http://127.0.0.1:2"),
                null,
                Duration.ofSeconds(30),
                Clock.systemUTC()),
            new Wave1Codec().orderMessage(order)));
  }
}
