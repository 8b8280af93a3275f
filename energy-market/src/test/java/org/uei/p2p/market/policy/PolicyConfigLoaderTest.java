package org.uei.p2p.market.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.market.policy.config.DiscomPair;
import org.uei.p2p.market.policy.config.LedgerUrlSource;
import org.uei.p2p.market.policy.config.NetworkEnvironment;
import org.uei.p2p.market.policy.config.PolicyConfig;
import org.uei.p2p.market.policy.config.PolicyConfigException;
import org.uei.p2p.market.policy.config.PolicyConfigLoader;

/**
 * The configuration file: the shipped IES defaults, and one-line errors for what people get wrong.
 */
class PolicyConfigLoaderTest {

  static PolicyConfig resource(String name) throws IOException, PolicyConfigException {
    try (InputStream in = PolicyConfigLoaderTest.class.getResourceAsStream("/policy/" + name)) {
      return PolicyConfigLoader.parse(name, in.readAllBytes());
    }
  }

  private static String error(String json) {
    PolicyConfigException e =
        assertThrows(
            PolicyConfigException.class,
            () -> PolicyConfigLoader.parse("net.json", json.getBytes(StandardCharsets.UTF_8)));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  private static final String ENV =
      "{\"environments\": {\n \"t\": {\n  \"networkIds\": [\"n1\"],\n"
          + "  \"applicableSellerDiscoms\": [\"PVVNL\"],\n  \"allowedBuyerDiscoms\": [\"TPDDL\"],\n"
          + "  \"ledgerUrls\": {\"source\": \"registry\"}%s\n }\n}}";

  @Test
  void theDefaultsCoverTheIesTestAndProductionNetworks() {
    PolicyConfig c = PolicyConfigLoader.iesDefaults();
    NetworkEnvironment test =
        c.environmentOf("indiaenergystack.in/test-ies-p2p-trading-network").orElseThrow();
    NetworkEnvironment prod =
        c.environmentOf("indiaenergystack.in/ies-p2p-trading-network").orElseThrow();
    assertEquals(test, c.environmentOf("nfh.global/testnet-deg").orElseThrow());
    assertFalse(test.production());
    assertTrue(prod.production());
    assertTrue(prod.blockedPartners().contains("TEST_DISCOM_BUYER"));
    assertFalse(prod.allowedBuyerDiscoms().contains("TEST_DISCOM_BUYER"));
    assertEquals(LedgerUrlSource.BOTH, prod.ledgerUrlSource());
    assertEquals(java.util.Set.of("INR"), c.currencies());
    assertEquals(Duration.ofHours(4), c.gateClosureBefore());
    assertEquals(new java.math.BigDecimal("0.42"), c.charges().platformChargeCapPerKwh());
  }

  @Test
  void readsAMinimalFileWithDefaults() throws Exception {
    PolicyConfig c =
        PolicyConfigLoader.parse(
            "net.json", String.format(ENV, "").getBytes(StandardCharsets.UTF_8));
    NetworkEnvironment e = c.environmentOf("n1").orElseThrow();
    assertTrue(e.enforceAllowlist() && e.interDiscomOnly());
    assertEquals("TEST_", e.testMeterPrefix());
    assertEquals(Duration.ofHours(24), c.tradingOpensBefore());
    assertTrue(
        resource("pilot-policy.json")
            .environmentOf("indiaenergystack.in/test-ies-p2p-trading-network")
            .orElseThrow()
            .allowedDiscomPairs()
            .contains(new DiscomPair("TPDDL", "PVVNL")));
  }

  @Test
  void loadsFromAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("policy.json");
    Files.writeString(f, String.format(ENV, ""));
    assertTrue(PolicyConfigLoader.load(f).environmentOf("n1").isPresent());
    Files.writeString(f, "{\"environments\": [}");
    assertTrue(
        assertThrows(PolicyConfigException.class, () -> PolicyConfigLoader.load(f))
            .getMessage()
            .startsWith("policy.json line 1: not valid JSON"));
    PolicyConfigException missing =
        assertThrows(
            PolicyConfigException.class, () -> PolicyConfigLoader.load(dir.resolve("nope.json")));
    assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
  }

  @Test
  void namesTheLineAndKeyOfAnUnknownKey() {
    assertEquals(
        "net.json line 7, environments.t.enforceAllowList: unknown key (known: ",
        error(String.format(ENV, ",\n  \"enforceAllowList\": false")).substring(0, 70));
  }

  @Test
  void namesTheElementOfAWrongType() {
    String json = String.format(ENV, "").replace("[\"n1\"]", "[\"n1\", 42]");
    assertEquals(
        "net.json line 3, environments.t.networkIds[1]: expected a non-empty string, found 42",
        error(json));
  }

  @Test
  void namesAMissingRequiredKey() {
    String json =
        String.format(ENV, "").replace("  \"applicableSellerDiscoms\": [\"PVVNL\"],\n", "");
    assertEquals(
        "net.json line 2, environments.t: missing required key applicableSellerDiscoms",
        error(json));
  }

  @Test
  void refusesABadLedgerSourceAndAListSourceWithoutUrls() {
    assertTrue(
        error(String.format(ENV, "").replace("registry", "dns"))
            .endsWith(
                "environments.t.ledgerUrls.source: expected list, registry or both, found \"dns\""));
    assertTrue(
        error(String.format(ENV, "").replace("registry", "list"))
            .contains("environments.t.ledgerUrls: missing required key allowed"));
  }

  @Test
  void refusesANetworkInTwoEnvironments() {
    String json =
        "{\"environments\": {\"a\": {\"networkIds\": [\"n\"], \"applicableSellerDiscoms\": [], "
            + "\"allowedBuyerDiscoms\": [], \"ledgerUrls\": {\"source\": \"registry\"}},\n"
            + "\"b\": {\"networkIds\": [\"n\"], \"applicableSellerDiscoms\": [], "
            + "\"allowedBuyerDiscoms\": [], \"ledgerUrls\": {\"source\": \"registry\"}}}}";
    assertEquals(
        "net.json line 2, environments.b.networkIds: network n is already in another environment; "
            + "environments must not share a network",
        error(json));
  }

  @Test
  void refusesAWindowThatClosesBeforeItOpens() {
    String json =
        String.format(ENV, "")
            .replaceFirst("\\{", "{\"tradingWindow\": {\"opensBefore\": \"PT2H\"},");
    assertTrue(
        error(json).contains("tradingWindow.opensBefore: trading must open before gate closure"));
  }

  @Test
  void anEngineThatMustAskTheRegistryNeedsOne() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PolicyEngine.builder().build());
    assertTrue(
        e.getMessage().contains("environment production checks ledger URLs against the registry"),
        e.getMessage());
  }
}
