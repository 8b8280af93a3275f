package org.uei.p2p.model.wave2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uei.p2p.model.Fixtures;
import org.uei.p2p.model.SharedExamples;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.validation.Wave2Validator;

class Wave2ValidatorTest {

  private static final String TABLE = "message.contract.commitments[0].commitmentAttributes";

  /**
   * The shared examples that are not clean, with every problem they really have. The rest must be
   * valid. Why: the devkit's DISCOM ledgers answer on_confirm with an ACK body in place of the
   * contract; the seller app's canned answers carry unsubstituted template placeholders ({@code
   * {{SELLER_LEDGER_URI:-…}}}) where the seller DISCOM's ledger URL belongs.
   */
  private static final Map<String, List<String>> SHARED_PROBLEMS =
      Map.of(
          "responses/buyerdiscom/on_confirm.json", List.of("message.contract"),
          "responses/sellerdiscom/on_confirm.json", List.of("message.contract"),
          "responses/sellerapp/on_init.json",
              List.of("message.contract.participants[3].participantAttributes.ledgerUri"),
          "responses/sellerapp/on_confirm.json",
              List.of("message.contract.participants[3].participantAttributes.ledgerUri"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wave2/init.json",
        "wave2/on_init.json",
        "wave2/on_status.json",
        "wave2/catalog_publish.json",
        "wave2/discover.json"
      })
  void ownFixturesAreValidEvenStrictly(String name) throws Exception {
    assertEquals(List.of(), problems(Wave2Validator.strict(), Fixtures.bytes(name)), name);
  }

  @Test
  void sharedExamplesHaveExactlyTheProblemsTheyReallyHave() throws Exception {
    Map<String, List<String>> found = new TreeMap<>();
    Map<String, List<String>> expected = new TreeMap<>();
    for (Path f : SharedExamples.WAVE2.all()) {
      String name = SharedExamples.WAVE2.name(f);
      found.put(name, paths(Wave2Validator.lenient(), SharedExamples.bytes(f)));
      expected.put(name, SHARED_PROBLEMS.getOrDefault(name, List.of()));
    }
    assertEquals(expected, found);
  }

  @Test
  void aDroppedRoleIsMissing() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/contractAttributes",
            o -> ((ArrayNode) o.get("roles")).remove(3));
    assertEquals(
        List.of(
            "message.contract.contractAttributes.roles: role 'buyerDiscom' is missing: a P2P contract "
                + "binds buyerPlatform, sellerPlatform, buyerDiscom, sellerDiscom (30000)"),
        problems(b));
  }

  @Test
  void aRoleTwiceAndARoleWithoutItsParticipant() throws Exception {
    byte[] twice =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/contractAttributes/roles/3",
            o -> o.put("role", "sellerDiscom"));
    assertEquals(
        List.of(
            "message.contract.contractAttributes.roles[3].role",
            "message.contract.contractAttributes.roles"),
        paths(twice));
    byte[] absent =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/contractAttributes/roles/3",
            o -> o.put("participantId", "BRPL"));
    assertEquals(
        List.of("message.contract.contractAttributes.roles[3].participantId"), paths(absent));
    byte[] unbound =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/contractAttributes/roles/3",
            o -> o.putNull("participantId"));
    assertEquals(
        List.of("message.contract.contractAttributes.roles[3].participantId: is required (30000)"),
        problems(unbound));
  }

  @Test
  void aDiscomRoleMustBeALedgerProvider() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/contractAttributes/roles/3",
            o -> o.put("participantId", "bap.delhi-buyers.example"));
    assertEquals(List.of("message.contract.participants[0].participantAttributes"), paths(b));
  }

  @Test
  void aPayloadOfAnUndeclaredTypeAndADescriptorWithoutPayloads() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/commitments/0/commitmentAttributes/payloadDescriptors/1",
            o -> o.put("payloadType", "REQUESTED_QUANTITY"));
    assertEquals(
        List.of(
                TABLE + ".payloadDescriptors: must declare REQUESTED_QTY in init (30000)",
                TABLE
                    + ".intervals[0].payloads[1].type: 'REQUESTED_QTY' is not declared in payloadDescriptors (30000)",
                TABLE
                    + ".intervals[1].payloads[1].type: 'REQUESTED_QTY' is not declared in payloadDescriptors (30000)",
                TABLE
                    + ".payloadDescriptors[1].payloadType: 'REQUESTED_QUANTITY' is declared but no interval carries it (30000)")
            .stream()
            .sorted()
            .toList(),
        problems(b).stream().sorted().toList());
  }

  @Test
  void unitsAndCurrencyAreKwhAndInr() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/commitments/0/commitmentAttributes",
            o -> {
              ((ObjectNode) o.get("payloadDescriptors").get(0)).put("currency", "USD");
              ((ObjectNode) o.get("payloadDescriptors").get(1)).put("units", "MWH");
            });
    assertEquals(
        List.of(TABLE + ".payloadDescriptors[0].currency", TABLE + ".payloadDescriptors[1].units"),
        paths(b));
  }

  @Test
  void valuesMustHaveTheDeclaredKind() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/commitments/0/commitmentAttributes/intervals/1/payloads/1",
            o -> o.putArray("values").add("3.5"));
    assertEquals(
        List.of(
            TABLE
                + ".intervals[1].payloads[1].values[0]: must be a number: REQUESTED_QTY is declared "
                + "in KWH (30000)"),
        problems(b));
  }

  @Test
  void aSeriesThatDoesNotStartOnAnIstHourIsMisaligned() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/commitments/0/commitmentAttributes/intervalPeriod",
            o -> o.put("start", "2026-11-26T05:00:00Z"));
    assertEquals(List.of(TABLE + ".intervalPeriod.start"), paths(b));
    byte[] twoHours =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/commitments/0/commitmentAttributes/intervalPeriod",
            o -> o.put("duration", "PT2H"));
    assertEquals(List.of(TABLE + ".intervalPeriod.duration"), paths(twoHours));
  }

  @Test
  void aSlotAfterSixPmIstIsOutsideTheTradingDay() throws Exception {
    // 11:30Z is 17:00 IST: slot 0 ends at 18:00 and is fine, slot 1 runs 18:00-19:00.
    byte[] b =
        Fixtures.edited(
            "wave2/init.json",
            "/message/contract/commitments/0/commitmentAttributes/intervalPeriod",
            o -> o.put("start", "2026-11-26T11:30:00Z"));
    assertEquals(
        List.of(
            TABLE
                + ".intervals[1].id: slot 1 runs 2026-11-26T18:00 to 19:00 IST: P2P delivery is "
                + "between 06:00 and 18:00 IST (30000)"),
        problems(b));
  }

  @Test
  void revenueFlowsThatDoNotSumToZero() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/on_status.json",
            "/message/contract/consideration/0/considerationAttributes/revenueFlows/1",
            o -> o.put("value", 42.60));
    assertEquals(
        List.of(
            "message.contract.consideration[0].considerationAttributes.revenueFlows: must sum to zero "
                + "(within 0.005): what roles pay must equal what roles receive, but the values sum to 0.01 (30000)"),
        problems(b));
    byte[] withinTolerance =
        Fixtures.edited(
            "wave2/on_status.json",
            "/message/contract/consideration/0/considerationAttributes/revenueFlows/1",
            o -> o.put("value", 42.594));
    assertEquals(List.of(), problems(withinTolerance));
  }

  @Test
  void onInitMustCarryPaymentTerms() throws Exception {
    byte[] b = Fixtures.without("wave2/on_init.json", "/message/contract", "consideration");
    assertEquals(List.of("message.contract.consideration"), paths(b));
  }

  @Test
  void statesFollowTheFlow() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json", "/message/contract/status", o -> o.put("code", "ACTIVE"));
    assertEquals(
        List.of("message.contract.status.code: must be DRAFT in init, not 'ACTIVE' (30000)"),
        problems(b));
  }

  @Test
  void aCallbackThatRefusesHandsTheRequestsContractBack() throws Exception {
    ObjectNode draft = Fixtures.tree("wave2/init.json");
    ((ObjectNode) draft.get("context")).put("action", "on_confirm");
    assertEquals(
        List.of("message.contract.id", "message.contract.status.code"),
        paths(BecknJson.write(draft)),
        "an on_confirm answers with the ACTIVE contract and its id");
    draft
        .putObject("error")
        .put("errorCode", "DEG_ASYNC_ACK_TIMEOUT")
        .put("errorMessage", "the seller DISCOM's ledger did not acknowledge");
    assertEquals(List.of(), paths(BecknJson.write(draft)));
    ((ObjectNode) draft.at("/message/contract")).remove("commitments");
    assertEquals(
        List.of("message.contract.commitments"),
        paths(BecknJson.write(draft)),
        "the handed-back contract keeps the request's shape");
  }

  @Test
  void aMemberOfTheWrongJsonTypeIsOneProblemWithItsPath() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json", "/message/contract", o -> o.put("participants", "everyone"));
    List<String> ps = problems(b);
    assertEquals(
        "message.contract.participants: must be an array, not a string (30000)", ps.get(0));
    assertTrue(ps.stream().noneMatch(s -> s.contains("context.")), ps.toString());
  }

  @Test
  void contextRulesOfTheLtsCore() throws Exception {
    byte[] b =
        Fixtures.edited(
            "wave2/init.json",
            "/context",
            o -> {
              o.remove("networkId");
              o.put("timestamp", "2026-11-25 09:15");
              o.put("bapUri", "ftp://bap.example");
            });
    assertEquals(List.of("context.networkId", "context.timestamp", "context.bapUri"), paths(b));
    byte[] shortIds =
        Fixtures.edited("wave2/init.json", "/context", o -> o.put("messageId", "m-1"));
    assertEquals(List.of(), paths(Wave2Validator.lenient(), shortIds));
    assertEquals(List.of("context.messageId"), paths(Wave2Validator.strict(), shortIds));
  }

  private static List<String> problems(byte[] body) throws Exception {
    return problems(Wave2Validator.strict(), body);
  }

  private static List<String> problems(Wave2Validator v, byte[] body) throws Exception {
    return v.validate(Wave2Envelope.parse(body), null).errors().stream()
        .map(BecknError::toString)
        .toList();
  }

  private static List<String> paths(byte[] body) throws Exception {
    return paths(Wave2Validator.strict(), body);
  }

  private static List<String> paths(Wave2Validator v, byte[] body) throws Exception {
    List<BecknError> errors = v.validate(Wave2Envelope.parse(body), null).errors();
    errors.forEach(e -> assertEquals("30000", e.getCode()));
    return errors.stream().map(BecknError::getPaths).toList();
  }
}
