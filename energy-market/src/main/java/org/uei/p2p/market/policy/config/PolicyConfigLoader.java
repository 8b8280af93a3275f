package org.uei.p2p.market.policy.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link PolicyConfig} from a JSON file (format in {@code energy-market/README.md}). Every
 * error is one line naming the file, the line and key, and what is wrong; unknown keys are errors,
 * so a misspelt setting never silently falls back to a default.
 */
public final class PolicyConfigLoader {

  /** Classpath location of the IES defaults (test and production networks). */
  public static final String IES_DEFAULTS = "/org/uei/p2p/market/policy/ies-networks.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> TOP =
      Set.of("currencies", "policyQueryPath", "tradingWindow", "charges", "environments");
  private static final Set<String> ENV =
      Set.of(
          "production",
          "networkIds",
          "approvedDiscoms",
          "applicableSellerDiscoms",
          "enforceAllowlist",
          "allowedBuyerDiscoms",
          "allowedDiscomPairs",
          "interDiscomOnly",
          "blockedPartners",
          "ledgerUrls",
          "testMeterPrefix");

  private PolicyConfigLoader() {}

  /** The configuration in {@code file}. */
  public static PolicyConfig load(Path file) throws PolicyConfigException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PolicyConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(file.getFileName().toString(), bytes);
  }

  /** The IES defaults shipped with the library: the IES test and production networks. */
  public static PolicyConfig iesDefaults() {
    try (InputStream in = PolicyConfigLoader.class.getResourceAsStream(IES_DEFAULTS)) {
      return parse("ies-networks.json", in.readAllBytes());
    } catch (IOException | PolicyConfigException e) {
      throw new IllegalStateException(
          "the bundled IES policy defaults are broken: " + e.getMessage(), e);
    }
  }

  /**
   * The configuration in {@code json}, read from a file called {@code name} (used in error
   * messages).
   */
  public static PolicyConfig parse(String name, byte[] json) throws PolicyConfigException {
    JsonNode root;
    ConfigReader r;
    try {
      root = JSON.readTree(json);
      r = ConfigReader.of(name, json, JSON.getFactory());
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new PolicyConfigException(
          name
              + (loc == null ? "" : " line " + loc.getLineNr())
              + ": not valid JSON: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new PolicyConfigException(name + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new PolicyConfigException(name + ": expected a JSON object at the top");
    }
    r.onlyKeys(root, "", TOP);
    JsonNode window = r.object(root, "", "tradingWindow", false);
    Duration opens =
        window == null
            ? Duration.ofHours(24)
            : r.duration(window, "/tradingWindow", "opensBefore", Duration.ofHours(24));
    Duration closes =
        window == null
            ? Duration.ofHours(4)
            : r.duration(window, "/tradingWindow", "gateClosureBefore", Duration.ofHours(4));
    if (window != null) {
      r.onlyKeys(window, "/tradingWindow", Set.of("opensBefore", "gateClosureBefore"));
      if (opens.compareTo(closes) <= 0) {
        throw r.error(
            "/tradingWindow/opensBefore",
            "trading must open before gate closure (" + opens + " <= " + closes + ")");
      }
    }
    List<NetworkEnvironment> envs = new ArrayList<>();
    JsonNode envNode = r.object(root, "", "environments", true);
    if (envNode.isEmpty()) {
      throw r.error("/environments", "at least one environment is required");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = envNode.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      NetworkEnvironment env = environment(r, e.getKey(), e.getValue());
      for (String id : env.networkIds()) {
        if (!seen.add(id)) {
          throw r.error(
              ConfigReader.child("/environments", e.getKey()) + "/networkIds",
              "network "
                  + id
                  + " is already in another environment; environments must not share a network");
        }
      }
      envs.add(env);
    }
    return new PolicyConfig(
        envs,
        r.strings(root, "", "currencies", Set.of("INR")),
        r.text(root, "", "policyQueryPath", "data.deg.contracts.p2p_trading"),
        charges(r, root),
        opens,
        closes);
  }

  private static Charges charges(ConfigReader r, JsonNode root) throws PolicyConfigException {
    JsonNode c = r.object(root, "", "charges", false);
    if (c == null) {
      return Charges.IES;
    }
    r.onlyKeys(
        c,
        "/charges",
        Set.of(
            "wheelingBuyerPerKwh",
            "wheelingSellerPerKwh",
            "penaltyPerKwh",
            "platformChargeCapPerKwh"));
    return new Charges(
        r.decimal(c, "/charges", "wheelingBuyerPerKwh", Charges.IES.wheelingBuyerPerKwh()),
        r.decimal(c, "/charges", "wheelingSellerPerKwh", Charges.IES.wheelingSellerPerKwh()),
        r.decimal(c, "/charges", "penaltyPerKwh", Charges.IES.penaltyPerKwh()),
        r.decimal(c, "/charges", "platformChargeCapPerKwh", Charges.IES.platformChargeCapPerKwh()));
  }

  private static NetworkEnvironment environment(ConfigReader r, String name, JsonNode n)
      throws PolicyConfigException {
    String at = ConfigReader.child("/environments", name);
    if (!n.isObject()) {
      throw r.error(at, "expected an object, found " + n.getNodeType().name().toLowerCase());
    }
    r.onlyKeys(n, at, ENV);
    Set<String> networks = r.strings(n, at, "networkIds", null);
    if (networks.isEmpty()) {
      throw r.error(at + "/networkIds", "at least one network id is required");
    }
    boolean enforce = r.bool(n, at, "enforceAllowlist", true);
    Set<String> buyers = r.strings(n, at, "allowedBuyerDiscoms", enforce ? null : Set.of());
    JsonNode ledger = r.object(n, at, "ledgerUrls", true);
    r.onlyKeys(ledger, at + "/ledgerUrls", Set.of("source", "allowed"));
    String src = r.text(ledger, at + "/ledgerUrls", "source", null);
    LedgerUrlSource source;
    try {
      source = LedgerUrlSource.valueOf(src.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw r.error(
          at + "/ledgerUrls/source", "expected list, registry or both, found \"" + src + "\"");
    }
    Set<String> urls =
        r.strings(ledger, at + "/ledgerUrls", "allowed", source.usesList() ? null : Set.of());
    if (source.usesList() && urls.isEmpty()) {
      throw r.error(
          at + "/ledgerUrls/allowed", "source " + src + " needs at least one allowed ledger URL");
    }
    return new NetworkEnvironment(
        name,
        r.bool(n, at, "production", false),
        networks,
        r.strings(n, at, "approvedDiscoms", Set.of()),
        r.strings(n, at, "applicableSellerDiscoms", null),
        enforce,
        buyers,
        pairs(r, n, at),
        r.bool(n, at, "interDiscomOnly", true),
        r.strings(n, at, "blockedPartners", Set.of()),
        source,
        urls,
        r.text(n, at, "testMeterPrefix", "TEST_"));
  }

  private static Set<DiscomPair> pairs(ConfigReader r, JsonNode env, String at)
      throws PolicyConfigException {
    JsonNode n = env.get("allowedDiscomPairs");
    Set<DiscomPair> out = new LinkedHashSet<>();
    if (n == null) {
      return out;
    }
    String p = at + "/allowedDiscomPairs";
    if (!n.isArray()) {
      throw r.error(p, "expected an array of {\"buyer\": …, \"seller\": …} objects");
    }
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isObject()) {
        throw r.error(p + "/" + i, "expected an object {\"buyer\": …, \"seller\": …}, found " + e);
      }
      r.onlyKeys(e, p + "/" + i, Set.of("buyer", "seller"));
      out.add(
          new DiscomPair(
              r.text(e, p + "/" + i, "buyer", null), r.text(e, p + "/" + i, "seller", null)));
    }
    return out;
  }
}
