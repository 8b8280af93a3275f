package org.uei.p2p.model.wave2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;

class Wave2AckTest {

  private static AckResponse parse(String body) throws Exception {
    return AckResponse.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theLtsAckAndTheAdapterAckAreBothAcks() throws Exception {
    assertTrue(
        parse("{\"status\":\"ACK\",\"signature\":\"Signature keyId=\\\"a|b|ed25519\\\"\"}")
            .isAck());
    assertTrue(parse("{\"message\":{\"status\":\"ACK\"}}").isAck());
    assertNull(parse("{\"message\":{\"status\":\"ACK\"}}").error());
  }

  @Test
  void anLtsNackCarriesItsErrorUnderEitherName() throws Exception {
    AckResponse lts =
        parse(
            "{\"status\":\"NACK\",\"error\":{\"errorCode\":\"50000\",\"errorMessage\":\"policy\"}}");
    assertFalse(lts.isAck());
    assertEquals("50000", lts.error().getCode());
    assertEquals("policy", lts.error().getMessage());
    assertEquals(
        "30000",
        parse("{\"status\":\"NACK\",\"error\":{\"code\":30000,\"message\":\"x\"}}")
            .error()
            .getCode());
  }

  @Test
  void aWave2NackIsWrittenInTheLtsShapeAndReadBack() throws Exception {
    AckResponse nack =
        AckResponse.nack(
            BecknError.of(
                ErrorCode.INVALID_REQUEST,
                "role 'buyerDiscom' is missing",
                "message.contract.contractAttributes.roles"));
    String body = new String(nack.toWave2Json(null), StandardCharsets.UTF_8);
    assertEquals(
        "{\"status\":\"NACK\",\"error\":{\"errorCode\":\"30000\",\"errorMessage\":\"role 'buyerDiscom' is missing\","
            + "\"paths\":\"message.contract.contractAttributes.roles\"}}",
        body);
    AckResponse back = AckResponse.parse(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(nack.error().toString(), back.error().toString());
    assertEquals(
        "{\"status\":\"ACK\",\"signature\":\"sig\"}",
        new String(AckResponse.ack().toWave2Json("sig"), StandardCharsets.UTF_8));
  }
}
