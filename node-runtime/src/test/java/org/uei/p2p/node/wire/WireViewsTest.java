package org.uei.p2p.node.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.Wave2TestMessages;

/**
 * The wire-neutral views, the wave-2 callback context, the answers' shapes and {@code uei.wire}.
 */
class WireViewsTest {

  private static final Wave2Contexts.Parties PARTIES =
      new Wave2Contexts.Parties(
          Wave2TestMessages.NETWORK,
          "bap.peer",
          "http://127.0.0.1:1/bap",
          "bpp.node",
          "http://127.0.0.1:2/bpp");

  @Test
  void bothWiresGiveTheSameViewInTheirOwnSpelling() throws Exception {
    Wave2Envelope init = Wave2TestMessages.request(Wave2Action.INIT, "init", PARTIES);
    WireContext two = WireContext.of(init.context());
    WireContext one =
        WireContext.of(
            Contexts.newRequest(
                Action.INIT,
                new Contexts.Parties(
                    "d",
                    "bap.peer",
                    "http://127.0.0.1:1/bap",
                    "bpp.node",
                    "http://127.0.0.1:2/bpp"),
                null,
                Duration.ofSeconds(30),
                Clock.systemUTC()));
    for (WireContext c : List.of(one, two)) {
      assertEquals("init", c.action());
      assertEquals("bap.peer", c.bapId());
      assertEquals("http://127.0.0.1:2/bpp", c.bppUri());
      assertEquals(Duration.ofSeconds(30), c.ttlDuration());
      assertFalse(c.isCallback());
      assertEquals(ContextField.BAP_ID, c.senderField());
      assertEquals(ContextField.BPP_ID, c.receiverField());
    }
    assertEquals(Wave2TestMessages.NETWORK, two.network());
    assertEquals("d", one.network());
    assertEquals("context.bap_uri", one.path(ContextField.BAP_URI));
    assertEquals("context.bapUri", two.path(ContextField.BAP_URI));
    assertEquals("context.networkId", two.path(ContextField.NETWORK));
    assertEquals(init.context().transactionId(), two.transactionId());
  }

  @Test
  void catalogPublishIsSentByTheProviderAndItsAnswerNamesOnlyTheProvider() {
    assertEquals(ContextField.BPP_ID, Actions.senderField("catalog/publish"));
    assertNull(Actions.receiverField("catalog/publish"));
    assertNull(Actions.senderField("catalog/on_publish"));
    assertEquals(ContextField.BPP_ID, Actions.receiverField("catalog/on_publish"));
    assertTrue(Actions.isCallback("catalog/on_publish"));
    assertEquals(ContextField.BPP_ID, Actions.senderField("on_status"));
  }

  @Test
  void theWave2CallbackEchoesTheContextWithOnActionAndANewTimestamp() throws Exception {
    Wave2Envelope init = Wave2TestMessages.request(Wave2Action.INIT, "init", PARTIES);
    Wave2Envelope onInit =
        Wave2Envelope.of(
            Wave2Contexts.callbackFor(
                init.context(), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5))),
            init.message());
    for (String member :
        List.of(
            "networkId",
            "version",
            "bapId",
            "bapUri",
            "bppId",
            "bppUri",
            "transactionId",
            "messageId",
            "ttl",
            "schemaContext")) {
      assertEquals(init.context().member(member), onInit.context().member(member), member);
    }
    assertEquals("on_init", onInit.context().action());
    assertTrue(onInit.context().timestampInstant().isAfter(init.context().timestampInstant()));
    assertEquals(
        Wave2Action.CATALOG_ON_PUBLISH,
        Wave2Contexts.callbackOf(Wave2Action.CATALOG_PUBLISH).orElseThrow());
    assertThrows(
        IllegalArgumentException.class,
        () -> Wave2Contexts.callbackFor(onInit.context(), Clock.systemUTC()));
  }

  @Test
  void answersTakeTheShapeOfTheSendersWireAndReadBack() throws Exception {
    AckResponse nack =
        AckResponse.nack(BecknError.of(ErrorCode.INVALID_REQUEST, "bad", "context.bapUri"));
    JsonNode two = BecknJson.readTree(AckBodies.body(WireGeneration.IES_WAVE2, nack));
    assertEquals("NACK", two.get("status").asText());
    assertEquals("30000", two.path("error").get("errorCode").asText());
    assertEquals("30000", two.path("error").get("code").asText());
    assertEquals("bad", two.path("error").get("message").asText());
    assertEquals("context.bapUri", two.path("error").get("paths").asText());
    assertEquals(
        "{\"status\":\"ACK\"}",
        new String(AckBodies.ack(WireGeneration.IES_WAVE2), StandardCharsets.UTF_8));
    assertEquals(
        "{\"message\":{\"ack\":{\"status\":\"ACK\"}}}",
        new String(AckBodies.ack(WireGeneration.DEG_WAVE1), StandardCharsets.UTF_8));
    AckResponse read = AckResponse.parse(AckBodies.body(WireGeneration.IES_WAVE2, nack));
    assertFalse(read.isAck());
    assertEquals("context.bapUri", read.error().getPaths());
    assertTrue(
        AckResponse.parse("{\"message\":{\"status\":\"ACK\"}}".getBytes(StandardCharsets.UTF_8))
            .isAck(),
        "the reference adapter's ACK");
  }

  @Test
  void anAnswerBeforeParsingGuessesTheWireWithoutReadingJson() {
    Set<WireGeneration> both = Set.of(WireGeneration.DEG_WAVE1, WireGeneration.IES_WAVE2);
    assertEquals(
        WireGeneration.IES_WAVE2, AckBodies.guess(Set.of(WireGeneration.IES_WAVE2), "init", null));
    assertEquals(WireGeneration.IES_WAVE2, AckBodies.guess(both, "catalog/publish", null));
    assertEquals(WireGeneration.DEG_WAVE1, AckBodies.guess(both, "catalog_publish", null));
    assertEquals(
        WireGeneration.IES_WAVE2,
        AckBodies.guess(
            both,
            "init",
            "{\"context\":{\"transactionId\":\"t\"}}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        WireGeneration.DEG_WAVE1,
        AckBodies.guess(
            both,
            "init",
            "{\"context\":{\"transaction_id\":\"t\"}}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theWireSettingNamesSupportedWiresOnly() {
    assertEquals(Set.of(WireGeneration.DEG_WAVE1), Wires.parse(List.of("wave1")));
    assertEquals(
        Set.of(WireGeneration.DEG_WAVE1, WireGeneration.IES_WAVE2),
        Wires.parse(List.of("wave1", " wave2")));
    assertEquals(Set.of(WireGeneration.UEI_V1), Wires.parse(List.of("uei-v1")));
    assertThrows(IllegalArgumentException.class, () -> Wires.parse(List.of("wave3")));
    assertThrows(IllegalArgumentException.class, () -> Wires.parse(List.of()));
  }

  @Test
  void aQueuedCallbackOfEitherWireIsReadBack() throws Exception {
    Wave2Envelope init = Wave2TestMessages.request(Wave2Action.INIT, "init", PARTIES);
    assertEquals(WireGeneration.IES_WAVE2, WireReader.contextOf(init.write()).wire());
    assertEquals(init.context().messageId(), WireReader.contextOf(init.write()).messageId());
  }
}
