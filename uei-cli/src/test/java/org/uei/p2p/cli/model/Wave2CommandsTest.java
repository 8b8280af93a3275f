package org.uei.p2p.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code uei validate} and {@code uei roundtrip} on wave-2 files, and the choice of generation. */
class Wave2CommandsTest extends CommandTest {

  /** A one-slot wave-2 init: 10:00-11:00 IST, two DISCOMs on one ledger. */
  static final String INIT =
      """
      {"context":{"networkId":"indiaenergystack.in/test-ies-p2p-trading-network","version":"2.0.0","action":"init",
        "bapId":"bap.delhi-buyers.example","bapUri":"https://bap.delhi-buyers.example/beckn",
        "bppId":"bpp.up-solar.example","bppUri":"https://bpp.up-solar.example/beckn",
        "transactionId":"6f1c2a0e-8d4b-4c3e-9a51-2b7d0e6f4a10","messageId":"c0a8e3f2-5b1d-4e7a-8c90-1d2e3f4a5b60",
        "timestamp":"2026-11-25T09:15:00Z"},
       "message":{"contract":{"status":{"code":"DRAFT"},
        "commitments":[{"id":"c-1","resources":[{"id":"r-1","resourceAttributes":{"@type":"EnergyResource","id":"TEST_PVVNL_M0007"}}],
          "offer":{"id":"offer-1","resourceIds":["r-1"]},
          "commitmentAttributes":{"@type":"TimeSeries","intervalPeriod":{"start":"2026-11-26T04:30:00Z","duration":"PT1H"},
            "payloadDescriptors":[{"objectType":"EVENT_PAYLOAD_DESCRIPTOR","payloadType":"PRICE_PER_KWH","currency":"INR"},
              {"objectType":"EVENT_PAYLOAD_DESCRIPTOR","payloadType":"REQUESTED_QTY","units":"KWH"}],
            "intervals":[{"id":0,"payloads":[{"type":"PRICE_PER_KWH","values":[6.20]},{"type":"REQUESTED_QTY","values":[4.0]}]}]}}],
        "contractAttributes":{"@type":"DEGContract","roles":[{"role":"buyerPlatform","participantId":"bap"},
          {"role":"sellerPlatform","participantId":"bpp"},{"role":"buyerDiscom","participantId":"TPDDL"},
          {"role":"sellerDiscom","participantId":"PVVNL"}],
          "policy":{"url":"https://policies.example/p2p","queryPath":"data.deg.contracts.p2p_trading"}},
        "participants":[{"id":"bap","participantAttributes":{"@type":"EnergyCustomer","meterId":"TEST_TPDDL_M0042"}},
          {"id":"bpp","participantAttributes":{"@type":"EnergyCustomer","meterId":"TEST_PVVNL_M0007"}},
          {"id":"TPDDL","participantAttributes":{"@type":"DiscomLedgerProvider","discomId":"u.tpddl","discomUri":"https://u.tpddl.example","ledgerId":"l","ledgerUri":"https://ledger.example"}},
          {"id":"PVVNL","participantAttributes":{"@type":"DiscomLedgerProvider","discomId":"u.pvvnl","discomUri":"https://u.pvvnl.example","ledgerId":"l","ledgerUri":"https://ledger.example"}}]}}}
      """;

  private static final String W2 = " as IES wave 2 (Beckn 2.0 LTS), detected";

  @Test
  void aWave2InitIsDetectedAndValid() throws IOException {
    String f = file("init.json", INIT);
    assertEquals(0, run("validate", "--strict", f), out.toString() + err);
    assertEquals(f + ": valid" + W2 + System.lineSeparator(), out.toString());
  }

  @Test
  void aWave2ProblemHasItsPathAndCode() throws IOException {
    String f =
        file(
            "init.json",
            INIT.replace(
                "{\"role\":\"sellerDiscom\",\"participantId\":\"PVVNL\"}",
                "{\"role\":\"buyerDiscom\",\"participantId\":\"PVVNL\"}"));
    assertEquals(1, run("validate", f));
    String[] lines = out.toString().split(System.lineSeparator());
    assertEquals(
        f
            + ": message.contract.contractAttributes.roles[3].role: role 'buyerDiscom' appears twice (30000)",
        lines[0]);
    assertTrue(
        lines[1].startsWith(
            f + ": message.contract.contractAttributes.roles: role 'sellerDiscom' is missing"),
        lines[1]);
    assertEquals(f + ": 2 problems" + W2, lines[2]);
  }

  @Test
  void forcingTheWrongGenerationIsPossibleAndSaysSo() throws IOException {
    String f = file("init.json", INIT);
    assertEquals(1, run("validate", "--wire", "wave1", f));
    assertTrue(out.toString().contains("context.domain: is required"), out.toString());
    assertTrue(
        out.toString().endsWith("as DEG wave 1 (Beckn 2.0-rc), --wire" + System.lineSeparator()),
        out.toString());
  }

  @Test
  void aBodyOfNoGenerationIsOneLine() throws IOException {
    String f = file("odd.json", "{\"context\":{\"action\":\"init\"},\"message\":{}}");
    assertEquals(1, run("validate", f));
    String[] lines = out.toString().split(System.lineSeparator());
    assertEquals(1, lines.length, out.toString());
    assertTrue(
        lines[0].startsWith(f + ": context: not a Beckn message of a supported generation: "),
        lines[0]);
  }

  @Test
  void roundtripAndPrintNameTheGeneration() throws IOException {
    String f = file("init.json", INIT);
    assertEquals(0, run("roundtrip", f));
    assertEquals("ok " + f + " (wave2)" + System.lineSeparator(), out.toString());
    resetStreams();
    assertEquals(0, run("validate", "--print", f));
    assertTrue(out.toString().contains("\"values\" : [ 6.20 ]"), out.toString());
    assertEquals(
        "uei: " + f + ": read as IES wave 2 (Beckn 2.0 LTS), detected" + System.lineSeparator(),
        err.toString());
  }

  @Test
  void helpShowsAnExampleOfEachGeneration() {
    assertEquals(0, run("validate", "--help"));
    assertTrue(out.toString().contains("a wave-1 select"), out.toString());
    assertTrue(out.toString().contains("a wave-2 init"), out.toString());
    assertTrue(out.toString().contains("--wire"), out.toString());
  }
}
