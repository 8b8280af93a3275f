package org.uei.p2p.node.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.validation.UeiV1Validator;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.WireEnvelope;
import org.uei.p2p.node.wire.WireReader;

/** The parse, validate and domain stages on UEI v1 (Beckn 1.1.0) messages, without Quarkus. */
class UeiV1StagesTest {

  private static final ParseStage PARSE_V1 =
      new ParseStage(
          new WireReader(
              Set.of(WireGeneration.UEI_V1),
              w -> w == WireGeneration.UEI_V1 ? Set.of("init", "status") : Set.of()));
  private static final ValidateStage VALIDATE =
      new ValidateStage(
          Wave1Validator.strict()::validate,
          Wave2Validator.strict()::validate,
          UeiV1Validator.strict()::validate);

  /** A UEI v1 init of the UP pilot, with {@code order} as its order's JSON. */
  static byte[] init(String domain, String order) {
    return ("{\"context\":{\"domain\":\""
            + domain
            + "\",\"location\":{\"country\":{\"code\":\"IND\"},\"city\":{\"code\":\"std:0522\"}},"
            + "\"action\":\"init\",\"version\":\"1.1.0\","
            + "\"bap_id\":\"bap.peer\",\"bap_uri\":\"http://127.0.0.1:1/bap\","
            + "\"bpp_id\":\"bpp.node\",\"bpp_uri\":\"http://127.0.0.1:2/bpp\","
            + "\"transaction_id\":\"3f6c2a8e-1b7d-4c52-9e0a-7d4b6f1c2e90\","
            + "\"message_id\":\"6d8e2f3a-4b5c-4d7e-9fa0-1b2c3d4e5f03\","
            + "\"timestamp\":\"2026-03-09T09:17:00Z\",\"ttl\":\"PT30S\"},"
            + "\"message\":{\"order\":"
            + order
            + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static final String ORDER =
      "{\"provider\":{\"id\":\"prosumer-m0101\"},"
          + "\"items\":[{\"id\":\"offer-1\",\"quantity\":{\"selected\":{\"measure\":"
          + "{\"value\":\"4.25\",\"unit\":\"kWh\"}}},\"fulfillment_ids\":[\"delivery-1\"]}],"
          + "\"fulfillments\":[{\"id\":\"delivery-1\"}]";

  private static InboundExchange parsed(byte[] body) throws InboundRejection {
    InboundExchange x = new InboundExchange("init", body, Map.of(), Instant.now());
    PARSE_V1.apply(x);
    return x;
  }

  @Test
  void parseReadsAUeiV1BodyIntoItsEnvelopeAndContextView() throws Exception {
    InboundExchange x = parsed(init("uei:p2p-trading", ORDER + ",\"billing\":{}}"));
    assertEquals(WireGeneration.UEI_V1, x.wire());
    WireEnvelope.UeiV1 v1 = assertInstanceOf(WireEnvelope.UeiV1.class, x.parsed());
    assertEquals(UeiV1Action.INIT, v1.action());
    assertEquals("offer-1", v1.envelope().message().order().items().get(0).id());
    WireContext c = x.parsed().context();
    assertEquals("bap.peer", c.bapId());
    assertEquals("uei:p2p-trading", c.network());
    assertEquals("context.bap_uri", c.path(ContextField.BAP_URI));
    assertEquals("context.domain", c.path(ContextField.NETWORK));
    assertEquals(Instant.parse("2026-03-09T09:17:00Z"), c.timestampInstant());
    assertEquals(ContextField.BAP_ID, c.senderField());
    VALIDATE.apply(x);
    new DomainStage("beckn.one:deg:p2p-trading:2.0.0").apply(x);
    assertEquals(WireGeneration.UEI_V1, WireReader.contextOf(x.parsed().write()).wire());
  }

  @Test
  void validationNamesTheUeiV1Path() throws Exception {
    InboundExchange x = parsed(init("uei:p2p-trading", ORDER + "}"));
    InboundRejection r = assertThrows(InboundRejection.class, () -> VALIDATE.apply(x));
    assertEquals(400, r.httpStatus());
    assertEquals("message.order.billing", r.error().getPaths());
    assertEquals("30000", r.error().getCode());
  }

  @Test
  void anotherDomainIsRefusedAtContextDomain() throws Exception {
    InboundExchange x = parsed(init("uei:ev-charging", ORDER + ",\"billing\":{}}"));
    InboundRejection r =
        assertThrows(InboundRejection.class, () -> new DomainStage(null, null).apply(x));
    assertEquals("context.domain", r.error().getPaths());
    assertTrue(r.error().getMessage().contains("this node serves 'uei:p2p-trading'"));
  }

  @Test
  void aUeiV1NodeRefusesTheOtherWiresAndBrokenBodies() {
    byte[] wave2Like =
        "{\"context\":{\"networkId\":\"n\",\"transactionId\":\"t\",\"action\":\"init\"},\"message\":{}}"
            .getBytes(StandardCharsets.UTF_8);
    InboundRejection r = assertThrows(InboundRejection.class, () -> parsed(wave2Like));
    assertEquals(400, r.httpStatus());
    assertTrue(r.error().getMessage().startsWith("this node speaks UEI v1 (Beckn 1.1.0), not"));
    InboundRejection notObject =
        assertThrows(InboundRejection.class, () -> parsed("[1]".getBytes(StandardCharsets.UTF_8)));
    assertEquals("30000", notObject.error().getCode());
  }
}
