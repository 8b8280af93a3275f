package org.uei.p2p.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.MessageParseException;

class AckResponseTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void wave1Shapes() {
    assertEquals(
        "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}", text(AckResponse.ack().toWave1Json()));
    BecknError e =
        BecknError.of(
            ErrorCode.ITEM_QUANTITY_UNAVAILABLE,
            "only 4.5 kWh left",
            "message.order.beckn:orderItems[0].beckn:quantity");
    assertEquals(
        "{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"40002\",\"message\":\"only 4.5 kWh left\","
            + "\"paths\":\"message.order.beckn:orderItems[0].beckn:quantity\"}}",
        text(AckResponse.nack(e).toWave1Json()));
  }

  @Test
  void core2Shape() {
    Clock c = Clock.fixed(Instant.parse("2026-02-10T05:30:00Z"), ZoneOffset.UTC);
    assertEquals(
        "{\"transaction_id\":\"t-1\",\"timestamp\":\"2026-02-10T05:30:00Z\",\"ack_status\":\"NACK\","
            + "\"error\":{\"code\":\"30000\",\"message\":\"bad\",\"paths\":\"context.ttl\"}}",
        text(
            AckResponse.nack(BecknError.of(ErrorCode.INVALID_REQUEST, "bad", "context.ttl"))
                .toJson(AckResponse.Shape.CORE_2, "t-1", c)));
  }

  @Test
  void parsesErrorBesideOrInsideMessageAndTheCore2Shape() throws Exception {
    AckResponse beside =
        AckResponse.parse(
            utf8(
                "{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"30004\",\"message\":\"no item\"}}"));
    assertFalse(beside.isAck());
    assertEquals("30004", beside.error().getCode());
    AckResponse inside =
        AckResponse.parse(
            utf8(
                "{\"message\":{\"ack\":{\"status\":\"NACK\"},\"error\":{\"code\":30010,\"message\":\"no order\",\"paths\":\"message.order.beckn:id\"}}}"));
    assertEquals("30010", inside.error().getCode(), "numeric codes are read as text");
    assertEquals("message.order.beckn:id", inside.error().getPaths());
    AckResponse core =
        AckResponse.parse(
            utf8(
                "{\"transaction_id\":\"t\",\"timestamp\":\"2026-02-10T05:30:00Z\",\"ack_status\":\"ACK\"}"));
    assertTrue(core.isAck());
    AckResponse vendor =
        AckResponse.parse(
            utf8(
                "{\"message\":{\"ack\":{\"status\":\"NACK\"}},\"error\":{\"code\":\"SEC_FAIL\",\"message\":\"x\",\"details\":{\"why\":1}}}"));
    assertEquals("SEC_FAIL", vendor.error().getCode());
    assertEquals(1, vendor.error().extra("details").get("why").asInt());
  }

  @Test
  void rejectsBodiesWithoutStatus() {
    assertThrows(MessageParseException.class, () -> AckResponse.parse(utf8("{\"message\":{}}")));
    assertThrows(
        MessageParseException.class, () -> AckResponse.parse(utf8("{\"ack_status\":\"MAYBE\"}")));
    MessageParseException e =
        assertThrows(MessageParseException.class, () -> AckResponse.parse(utf8("<html>")));
    assertTrue(e.isNotJson());
  }

  @Test
  void severalProblemsBecomeOneNack() {
    AckResponse n =
        AckResponse.nack(
            List.of(
                BecknError.of(ErrorCode.INVALID_REQUEST, "is required", "message.order"),
                BecknError.of(
                    ErrorCode.INVALID_REQUEST, "'x' is not a UUID", "context.message_id")));
    assertEquals("30000", n.error().getCode());
    assertEquals(
        "message.order: is required; context.message_id: 'x' is not a UUID",
        n.error().getMessage());
    assertEquals("message.order,context.message_id", n.error().getPaths());
    assertThrows(IllegalArgumentException.class, () -> AckResponse.nack(List.of()));
  }

  @Test
  void errorCodesAreOneCatalogue() {
    assertEquals(ErrorCode.CANCELLATION_NOT_POSSIBLE, ErrorCode.fromCode("50001").orElseThrow());
    assertTrue(ErrorCode.fromCode("99999").isEmpty());
  }
}
