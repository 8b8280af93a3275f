package org.uei.p2p.bpp.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

class MeterActualsTest {

  private static final Instant TEN_IST = Instant.parse("2026-03-05T04:30:00Z");
  private static final Instant ELEVEN_IST = Instant.parse("2026-03-05T05:30:00Z");
  private static final List<MeterWindow> ASKED =
      List.of(
          new MeterWindow("TPDDL-M-1", TEN_IST, ELEVEN_IST),
          new MeterWindow("TPDDL-M-1", ELEVEN_IST, ELEVEN_IST.plusSeconds(3600)),
          new MeterWindow("TPDDL-M-2", TEN_IST, ELEVEN_IST));

  @Test
  void theRequestIsAValidStatusAndItsAnswerCarriesTheValuesPerWindow() throws Exception {
    Wave2Message request = MeterActuals.request("actuals-TPDDL-2026-03-05", "TPDDL", ASKED);
    ObjectNode context =
        Wave2Contexts.newRequest(
            Wave2Action.STATUS,
            new Wave2Contexts.Parties(
                "indiaenergystack.in/test-ies-p2p-trading-network",
                "ledger.example",
                "https://ledger.example",
                "utility.example",
                "https://utility.example"),
            null,
            null,
            List.of(),
            java.time.Clock.systemUTC());
    Wave2Envelope status = Wave2Envelope.parse(Wave2Envelope.of(context, request).write());
    assertEquals(List.of(), Wave2Validator.strict().validate(status, Wave2Action.STATUS).errors());

    List<MeterActuals.Reading> asked = MeterActuals.read(status.message().contract());
    assertEquals(
        ASKED, asked.stream().map(r -> new MeterWindow(r.meterId(), r.start(), r.end())).toList());
    asked.forEach(r -> assertNull(r.kwh()));

    Wave2Message answer =
        MeterActuals.answer(
            status.message().contract(),
            r -> r.meterId().equals("TPDDL-M-2") ? null : new BigDecimal("-1.25"));
    List<MeterActuals.Reading> got = MeterActuals.read(answer.contract());
    assertEquals(0, new BigDecimal("-1.25").compareTo(got.get(0).kwh()));
    assertEquals(0, new BigDecimal("-1.25").compareTo(got.get(1).kwh()));
    assertNull(got.get(2).kwh(), "incomplete data stays empty");
    assertEquals(ASKED, MeterWindow.decode(MeterWindow.encode(ASKED)));
  }

  @Test
  void malformedSeriesAreRefusedWithTheirPath() {
    ObjectNode m = MeterActuals.request("c", "TPDDL", ASKED.subList(0, 1)).toJson();
    ObjectNode ts =
        (ObjectNode) m.at("/contract/commitments/0/resources/0/resourceAttributes/dataPayload/0");
    ArrayNode values = (ArrayNode) ts.at("/intervals/0/payloads/0/values");
    values.add("lots");
    TradeCodecException e =
        assertThrows(
            TradeCodecException.class, () -> MeterActuals.read(Wave2Message.of(m).contract()));
    assertEquals(
        "message.contract.commitments[0].resources[0].resourceAttributes.dataPayload[0]"
            + ".intervals[0].payloads[0].values[0]",
        e.error().getPaths());
    ts.remove("resourceName");
    e =
        assertThrows(
            TradeCodecException.class, () -> MeterActuals.read(Wave2Message.of(m).contract()));
    assertEquals(
        "message.contract.commitments[0].resources[0].resourceAttributes.dataPayload[0]"
            + ".resourceName",
        e.error().getPaths());
  }
}
