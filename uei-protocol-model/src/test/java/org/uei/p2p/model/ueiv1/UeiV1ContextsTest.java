package org.uei.p2p.model.ueiv1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.validation.UeiV1Validator;

class UeiV1ContextsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-09T09:16:00.123456Z"), ZoneOffset.UTC);
  private static final UeiV1Contexts.Parties SEARCH =
      new UeiV1Contexts.Parties(
          "bap.up-pilot.example",
          "https://bap.up-pilot.example/beckn",
          null,
          null,
          "IND",
          "std:0522");
  private static final UeiV1Contexts.Parties BOTH =
      new UeiV1Contexts.Parties(
          "bap.up-pilot.example",
          "https://bap.up-pilot.example/beckn",
          "bpp.up-pilot.example",
          "https://bpp.up-pilot.example/beckn",
          "IND",
          "std:0522");

  private final UeiV1Codec codec = new UeiV1Codec();

  @Test
  void aRequestAndItsCallbackPassTheStrictRules() throws Exception {
    TradeOrder order = UeiV1CodecTest.order(null, TradeStatus.PENDING);
    ObjectNode init =
        UeiV1Contexts.newRequest(UeiV1Action.INIT, BOTH, null, Duration.ofSeconds(20), CLOCK);
    UeiV1Envelope request = UeiV1Envelope.of(init, codec.orderMessage(order));
    assertEquals(List.of(), UeiV1Validator.strict().validate(request, UeiV1Action.INIT).errors());
    UeiV1Context c = request.context();
    assertEquals("2026-03-09T09:16:00.123Z", c.timestamp());
    assertEquals("PT20S", c.ttl());
    assertEquals("std:0522", c.cityCode());

    ObjectNode back =
        UeiV1Contexts.callbackFor(
            c,
            "bpp.up-pilot.example",
            "https://bpp.up-pilot.example/beckn",
            Clock.offset(CLOCK, Duration.ofSeconds(1)));
    UeiV1Envelope onInit = UeiV1Envelope.of(back, codec.orderMessage(order));
    assertEquals(List.of(), UeiV1Validator.strict().validate(onInit, UeiV1Action.ON_INIT).errors());
    assertEquals("on_init", onInit.context().action());
    assertEquals(c.messageId(), onInit.context().messageId());
    assertEquals(c.transactionId(), onInit.context().transactionId());
    assertEquals("2026-03-09T09:16:01.123Z", onInit.context().timestamp());
  }

  @Test
  void theCallbackOfASearchNamesTheSellerPlatform() throws Exception {
    UeiV1Context search =
        UeiV1Envelope.of(
                UeiV1Contexts.newRequest(UeiV1Action.SEARCH, SEARCH, "tx-1", null, CLOCK),
                UeiV1Message.of(JsonNodeFactory.instance.objectNode()))
            .context();
    assertEquals(null, search.bppId());
    assertEquals("PT30S", search.ttl());
    ObjectNode onSearch =
        UeiV1Contexts.callbackFor(search, "bpp.up-pilot.example", "https://bpp.example", CLOCK);
    assertEquals("bpp.up-pilot.example", onSearch.get("bpp_id").asText());
    assertEquals("on_search", onSearch.get("action").asText());
    assertEquals("tx-1", onSearch.get("transaction_id").asText());
  }

  @Test
  void misuseIsRefused() throws Exception {
    assertThrows(
        IllegalArgumentException.class,
        () -> UeiV1Contexts.newRequest(UeiV1Action.ON_STATUS, BOTH, null, null, CLOCK));
    UeiV1Context init =
        UeiV1Envelope.of(
                UeiV1Contexts.newRequest(UeiV1Action.INIT, BOTH, null, null, CLOCK),
                UeiV1Message.of(JsonNodeFactory.instance.objectNode()))
            .context();
    assertThrows(
        IllegalArgumentException.class,
        () -> UeiV1Contexts.callbackFor(init, "bpp.other", "https://other.example", CLOCK));
    assertThrows(
        IllegalArgumentException.class,
        () -> UeiV1Contexts.unsolicited(UeiV1Action.STATUS, init, CLOCK));
    ObjectNode status = UeiV1Contexts.unsolicited(UeiV1Action.ON_STATUS, init, CLOCK);
    assertNotEquals(init.messageId(), status.get("message_id").asText());
    assertEquals(init.transactionId(), status.get("transaction_id").asText());
  }
}
