package org.uei.p2p.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.json.BecknJson;

/** {@code uei validate} and {@code uei roundtrip}, run in-process. */
class ModelCommandsTest extends CommandTest {

  /** A small but complete select: one order line, EnergyTrade v0.3 packs, UUID ids. */
  static final String SELECT =
      """
      {"context":{"domain":"beckn.one:deg:p2p-trading-interdiscom:2.0.0","version":"2.0.0","action":"select",
        "timestamp":"2026-02-10T05:30:12Z","message_id":"6f0c7a52-3d7e-4c1f-9a55-0b8e2f1d4a10",
        "transaction_id":"b1d7e0f4-8a2c-4b7e-9f13-5c6d7e8f9a01","bap_id":"bap.sunshare.example",
        "bap_uri":"https://bap.sunshare.example/beckn","bpp_id":"bpp.gridtrade.example",
        "bpp_uri":"https://bpp.gridtrade.example/beckn","ttl":"PT30S"},
       "message":{"order":{"@context":"CORE","@type":"beckn:Order","beckn:orderStatus":"CREATED",
        "beckn:seller":"prosumer-noida-17",
        "beckn:buyer":{"@context":"CORE","@type":"beckn:Buyer","beckn:id":"consumer-rohini-42",
          "beckn:buyerAttributes":{"@context":"ET","@type":"EnergyCustomer","meterId":"TEST_TPDDL_M0042","utilityId":"TPDDL"}},
        "beckn:orderItems":[{"beckn:orderedItem":"der-noida-17-pv",
          "beckn:quantity":{"unitQuantity":8.0,"unitText":"kWh"},
          "beckn:orderItemAttributes":{"@context":"ET","@type":"EnergyOrderItem",
            "providerAttributes":{"@context":"ET","@type":"EnergyCustomer","meterId":"TEST_PVVNL_M0017","utilityId":"PVVNL"}},
          "beckn:acceptedOffer":{"@context":"CORE","@type":"beckn:Offer","beckn:id":"offer-noida-17-05",
            "beckn:provider":"prosumer-noida-17","beckn:items":["der-noida-17-pv"],
            "beckn:price":{"@type":"schema:PriceSpecification","schema:price":6.25,"schema:priceCurrency":"INR","unitText":"kWh"},
            "beckn:offerAttributes":{"@context":"ET","@type":"EnergyTradeOffer","pricingModel":"PER_KWH",
              "deliveryWindow":{"@type":"beckn:TimePeriod","schema:startTime":"2026-02-11T05:00:00Z","schema:endTime":"2026-02-11T06:00:00Z"}}}}],
        "x-sunshare:basketRef":"basket-7781"}}}
      """
          .replace(
              "CORE",
              "https://raw.githubusercontent.com/beckn/protocol-specifications-v2/tags/core-2.0.0-rc-eos-release/schema/core/v2/context.jsonld")
          .replace(
              "\"ET\"",
              "\"https://raw.githubusercontent.com/beckn/DEG/tags/deg-1.0.1/specification/schema/EnergyTrade/v0.3/context.jsonld\"");

  @Test
  void validFileExitsZero() throws IOException {
    String f = file("select.json", SELECT);
    assertEquals(0, run("validate", "--strict", f), err.toString());
    assertEquals(
        f + ": valid as DEG wave 1 (Beckn 2.0-rc), detected" + System.lineSeparator(),
        out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void invalidFileListsEveryProblemWithPathAndCode() throws IOException {
    String f =
        file(
            "bad.json",
            SELECT
                .replace("\"PER_KWH\"", "\"PER_WATT\"")
                .replace("\"unitQuantity\":8.0", "\"unitQuantity\":-8"));
    assertEquals(1, run("validate", f));
    String[] lines = out.toString().split(System.lineSeparator());
    assertEquals(3, lines.length, out.toString());
    assertEquals(f + ": 2 problems as DEG wave 1 (Beckn 2.0-rc), detected", lines[2]);
    assertEquals(
        f
            + ": message.order.beckn:orderItems[0].beckn:quantity.unitQuantity: must be greater than 0, not -8 (30000)",
        lines[0]);
    assertTrue(
        lines[1].startsWith(
            f
                + ": message.order.beckn:orderItems[0].beckn:acceptedOffer.beckn:offerAttributes.pricingModel: "
                + "'PER_WATT' is not one of ["),
        lines[1]);
  }

  @Test
  void missingOrderIsReported() throws IOException {
    ObjectNode tree = (ObjectNode) BecknJson.readTree(SELECT.getBytes(StandardCharsets.UTF_8));
    ((ObjectNode) tree.get("message")).remove("order");
    String noOrder = BecknJson.writeString(tree);
    String f = file("no-order.json", noOrder);
    assertEquals(1, run("validate", f));
    assertEquals(
        f
            + ": message.order: is required (30000)"
            + System.lineSeparator()
            + f
            + ": 1 problem as DEG wave 1 (Beckn 2.0-rc), detected"
            + System.lineSeparator(),
        out.toString());
  }

  @Test
  void strictAndActionApplyTheContextRules() throws IOException {
    String f = file("select.json", SELECT.replace("6f0c7a52-3d7e-4c1f-9a55-0b8e2f1d4a10", "msg-1"));
    assertEquals(0, run("validate", f));
    resetStreams();
    assertEquals(1, run("validate", "--strict", "--action", "init", f));
    assertEquals(
        f
            + ": context.action: must be 'init' (the endpoint), not 'select' (30000)"
            + System.lineSeparator()
            + f
            + ": context.message_id: 'msg-1' is not a UUID (30000)"
            + System.lineSeparator()
            + f
            + ": 2 problems as DEG wave 1 (Beckn 2.0-rc), detected"
            + System.lineSeparator(),
        out.toString());
  }

  @Test
  void nonJsonFileExitsTwoWithOneLineOnStderr() throws IOException {
    String f = file("notes.txt", "order 8 kWh from prosumer 17\n");
    String good = file("select.json", SELECT);
    assertEquals(2, run("validate", f, good));
    String[] errLines = err.toString().split(System.lineSeparator());
    assertEquals(1, errLines.length, err.toString());
    assertTrue(errLines[0].startsWith("uei: " + f + ": not valid JSON: "), errLines[0]);
    assertEquals(
        good + ": valid as DEG wave 1 (Beckn 2.0-rc), detected" + System.lineSeparator(),
        out.toString(),
        "the other files are still checked");
  }

  @Test
  void unreadableFileExitsTwo() {
    assertEquals(2, run("validate", dir.resolve("absent.json").toString()));
    assertEquals(
        "uei: " + dir.resolve("absent.json") + ": no such file" + System.lineSeparator(),
        err.toString());
  }

  @Test
  void unknownActionIsAUsageError() throws IOException {
    String f = file("select.json", SELECT);
    assertEquals(2, run("validate", "--action", "choose", f));
    assertTrue(err.toString().startsWith("uei: "), err.toString());
    assertEquals(1, err.toString().split(System.lineSeparator()).length);
  }

  @Test
  void printShowsWhatTheLibraryUnderstood() throws IOException {
    String f = file("select.json", SELECT);
    assertEquals(0, run("validate", "--print", f));
    assertTrue(
        out.toString().contains("\"x-sunshare:basketRef\" : \"basket-7781\""), out.toString());
    assertTrue(out.toString().contains("\"unitQuantity\" : 8.0"), out.toString());
  }

  @Test
  void roundtripReportsOkForEachFile() throws IOException {
    String a = file("a.json", SELECT);
    String b =
        file(
            "b.json",
            "{\"context\":{\"action\":\"on_status\",\"transaction_id\":\"t-1\"},\"message\":{\"order\":{\"beckn:id\":\"o-1\",\"x\":[1.50,{\"y\":null}]}}}");
    assertEquals(0, run("roundtrip", a, b));
    assertEquals(
        "ok "
            + a
            + " (wave1)"
            + System.lineSeparator()
            + "ok "
            + b
            + " (wave1)"
            + System.lineSeparator(),
        out.toString());
  }

  @Test
  void roundtripReportsWhatTheModelCannotRead() throws IOException {
    String f = file("a.json", SELECT.replace("\"unitQuantity\":8.0", "\"unitQuantity\":\"8.0\""));
    assertEquals(1, run("roundtrip", f));
    assertTrue(
        out.toString()
            .startsWith(
                "DIFF "
                    + f
                    + " (wave1) at message.order.beckn:orderItems[0].beckn:quantity.unitQuantity: "),
        out.toString());
  }

  @Test
  void roundtripOfNonJsonExitsTwo() throws IOException {
    String f = file("x.json", "{\"context\":");
    assertEquals(2, run("roundtrip", f));
    assertTrue(err.toString().startsWith("uei: " + f + ": not valid JSON"), err.toString());
  }
}
