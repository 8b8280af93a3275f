package org.uei.p2p.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;

/**
 * The wire rules every parse through {@link BecknJson} applies: UTF-8 text, one value, bounded
 * numbers.
 */
class WireJsonTest {

  /** Java names, Jackson settings and locations a sender must never see in a refusal. */
  private static final Pattern LEAK =
      Pattern.compile(
          "org\\.uei|java\\.|com\\.fasterxml|Feature|`|Source:|"
              + "Envelope|BigDecimal|OrderMessage|REDACTED|JsonToken");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1E+999999999",
        "1e-999999999",
        "0e-999999999",
        "1e400",
        "-1E+19",
        "1e19",
        "1234567890123456789",
        "0.0000000000000000001",
        "1.5e-18",
        "1e99999999999999999999",
        "12345678901234567890.5"
      })
  void numbersOutOfBoundsAreRefusedWithTheirPath(String number) {
    byte[] body =
        Fixtures.edited(
            "select.json",
            "/message/order/beckn:orderItems/0/beckn:quantity",
            q -> q.put("unitQuantity", 7777.25));
    String text = new String(body, StandardCharsets.UTF_8).replace("7777.25", number);
    MessageParseException e =
        assertThrows(
            MessageParseException.class,
            () -> Envelopes.parse(text.getBytes(StandardCharsets.UTF_8), Action.SELECT));
    assertEquals("30000", e.error().getCode());
    assertEquals(
        "message.order.beckn:orderItems[0].beckn:quantity.unitQuantity", e.error().getPaths());
    assertTrue(e.error().getMessage().contains("out of bounds"), e.error().getMessage());
    assertTrue(e.error().getMessage().length() < 200, "the literal is never written in full");
    assertFalse(e.isNotJson());
  }

  @Test
  void numbersInUnmodelledMembersAndTreesAreBoundedToo() {
    WireJsonException e =
        assertThrows(
            WireJsonException.class,
            () ->
                BecknJson.readTree(
                    "{\"a\":[1,{\"b\":1e-999999999}]}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("a[1].b", e.path());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "1",
        "0.5",
        "999999999999999999",
        "0.000000000000000001",
        "1.5E+3",
        "2e-3",
        "123456789.123456789",
        "1e17",
        "-12.25"
      })
  void ordinaryNumbersAreWithinBounds(String number) throws Exception {
    assertTrue(NumberBounds.within(number), number);
    assertEquals(
        new java.math.BigDecimal(number),
        BecknJson.readTree(("{\"n\":" + number + "}").getBytes(StandardCharsets.UTF_8))
            .get("n")
            .decimalValue());
  }

  @Test
  void bodiesInOtherEncodingsAreRefused() throws Exception {
    byte[] utf8 = Fixtures.bytes("select.json");
    String text = new String(utf8, StandardCharsets.UTF_8);
    for (Charset cs :
        List.of(
            StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16,
            Charset.forName("UTF-32BE"),
            Charset.forName("UTF-32LE"))) {
      assertRefusedAsText(text.getBytes(cs), cs.name());
    }
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertRefusedAsText(bom, "UTF-8 with BOM");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C0AF",
        "E080AF",
        "F08080AF",
        "EDA080",
        "EDBFBF",
        "F4908080",
        "F5808080",
        "FF",
        "80",
        "C2",
        "E282"
      })
  void malformedUtf8InsideAStringIsRefused(String hex) {
    byte[] seq = java.util.HexFormat.of().parseHex(hex);
    byte[] head = "{\"context\":{\"domain\":\"x".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\"}}".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + seq.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(seq, 0, body, head.length, seq.length);
    System.arraycopy(tail, 0, body, head.length + seq.length, tail.length);
    assertRefusedAsText(body, hex);
  }

  @Test
  void wellFormedMultiByteUtf8IsAccepted() throws Exception {
    String s = "{\"a\":\"é € \uD83D\uDE00 \uFFFD\"}";
    assertEquals(
        "é € \uD83D\uDE00 \uFFFD",
        BecknJson.readTree(s.getBytes(StandardCharsets.UTF_8)).get("a").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {" {}", " x", "{}", " []", " null", "\n1", "}", ",{}"})
  void anythingAfterTheFirstValueIsRefused(String suffix) {
    String valid = new String(Fixtures.bytes("select.json"), StandardCharsets.UTF_8).strip();
    byte[] b = (valid + suffix).getBytes(StandardCharsets.UTF_8);
    MessageParseException e =
        assertThrows(MessageParseException.class, () -> Envelopes.parse(b, Action.SELECT));
    assertEquals("30000", e.error().getCode());
    assertFalse(LEAK.matcher(e.error().getMessage()).find(), e.error().getMessage());
    assertThrows(MessageParseException.class, () -> Envelopes.parse(b));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"context\":{\"domain\":NaN}}",
        "{\"context\":{\"domain\":1}/*c*/}",
        "{\"context\":[1,2]}",
        "{\"context\":{\"domain\":{\"a\":1}}}",
        "{\"context\":{\"ttl\":true}}",
        "{\"message\":{\"order\":\"x\"}}",
        "{\"message\":{\"order\":{\"beckn:orderItems\":{}}}}",
        "{\"message\":{\"order\":{\"beckn:orderItems\":[{\"beckn:quantity\":{\"unitQuantity\":\"5\"}}]}}}",
        "{\"message\":{\"order\":{\"beckn:orderItems\":[{\"beckn:quantity\":{\"unitQuantity\":[5]}}]}}}",
        "{\"context\":{\"domain\":\"x\"",
        "{\"context\":{\"domain\":'x'}}",
        "{\"context\":{\"domain\":\"\u0000\"}}",
        "{\"context\":{\"domain\":\"\\u0000\"}}",
        "{\"context\":{\"timestamp\":5}}",
        "{\"context\":{\"a\":00}}",
        "[]",
        "\"text\"",
        "",
        "`{}",
      })
  void refusalsSpeakJsonNotJava(String body) {
    MessageParseException e =
        assertThrows(
            MessageParseException.class,
            () -> Envelopes.parse(body.getBytes(StandardCharsets.UTF_8), Action.SELECT));
    assertFalse(LEAK.matcher(e.error().getMessage()).find(), e.error().getMessage());
    assertEquals("30000", e.error().getCode());
  }

  @Test
  void aQuotedNumberNamesTheExpectedAndTheGivenType() {
    String body =
        "{\"message\":{\"order\":{\"beckn:orderItems\":[{\"beckn:quantity\":{\"unitQuantity\":\"5\"}}]}}}";
    MessageParseException e =
        assertThrows(
            MessageParseException.class,
            () -> Envelopes.parse(body.getBytes(StandardCharsets.UTF_8), Action.SELECT));
    assertEquals("wrong JSON type: expected a number, got a string", e.error().getMessage());
    assertEquals(
        "message.order.beckn:orderItems[0].beckn:quantity.unitQuantity", e.error().getPaths());
  }

  private static void assertRefusedAsText(byte[] body, String what) {
    MessageParseException e =
        assertThrows(MessageParseException.class, () -> Envelopes.parse(body, Action.SELECT), what);
    assertTrue(e.isNotJson(), what);
    assertTrue(e.error().getMessage().contains("UTF-8"), what + ": " + e.error().getMessage());
  }
}
