package org.uei.p2p.network.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A fault of a seller platform for the kit's negative controls (wave 2 unless noted): in its
 * configuration (no signature checks, a policy that allows what the network forbids, its DISCOM's
 * ledger at the buyer DISCOM's URL), or in its callbacks on their way to the kit ({@link
 * FaultProxy}), re-signed with its own key unless the fault is the key.
 */
enum BppFault {
  NONE,
  INSECURE,
  ACCEPTS_POLICY_VIOLATION,
  WRONG_LEDGER,
  WRONG_KEY,
  MISSING_ECHO,
  UNSIGNED_CALLBACK,
  UNBALANCED_REVENUE_FLOW,
  /** UEI v1: on_select prices every item at {@link #CUT_PRICE}, whatever the catalog says. */
  ON_SELECT_PRICE_CUT;

  /** The price per kWh a seller with {@link #ON_SELECT_PRICE_CUT} quotes in on_select. */
  static final String CUT_PRICE = "1.00";

  /** The buyer DISCOM the kit's policy probe names, which no network allows. */
  static final String OUTSIDE_DISCOM = "CONFORMANCE_OUTSIDE_DISCOM";

  // Amounts stay exact through the rewrite.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Settings added to the node's environment. */
  Map<String, String> env() {
    return switch (this) {
      case INSECURE -> Map.of("UEI_TESTING_INSECURE_SKIP_SIGNATURE_VERIFICATION", "true");
      // The trading rules' DISCOM allow-list too: the policy alone is not the only gate.
      case ACCEPTS_POLICY_VIOLATION ->
          Map.of("UEI_BPP_RULES_ALLOWED_DISCOMS", "TPDDL,PVVNL," + OUTSIDE_DISCOM);
      default -> Map.of();
    };
  }

  /** Whether the fault is in the callbacks, so that they pass through a {@link FaultProxy}. */
  boolean inCallbacks() {
    return ordinal() >= WRONG_KEY.ordinal();
  }

  /** {@code m} as the faulty seller sends it; {@code own} signs as the seller. */
  FaultProxy.Message apply(FaultProxy.Message m, BecknSigner own) {
    return switch (this) {
      case WRONG_KEY -> {
        Ed25519KeyPair other = Ed25519KeyPair.generate();
        String[] keyId = keyIdOf(m.authorization());
        yield m.authorization() == null
            ? m
            : new FaultProxy.Message(
                m.path(),
                m.body(),
                BecknSigner.of(keyId[0], keyId[1], other).authorization(m.body()));
      }
      case MISSING_ECHO ->
          m.path().endsWith("/on_init")
              ? resigned(
                  m,
                  own,
                  t ->
                      ((ObjectNode) t.path("context"))
                          .put("messageId", UUID.randomUUID().toString()))
              : m;
      case UNSIGNED_CALLBACK ->
          m.path().endsWith("/on_confirm") ? new FaultProxy.Message(m.path(), m.body(), null) : m;
      case UNBALANCED_REVENUE_FLOW ->
          m.path().endsWith("/on_status")
              ? resigned(
                  m,
                  own,
                  t -> {
                    JsonNode flows = t.findValue("revenueFlows");
                    if (flows != null && flows.size() > 0) {
                      ObjectNode first = (ObjectNode) flows.get(0);
                      first.put("value", first.path("value").decimalValue().add(BigDecimal.ONE));
                    }
                  })
              : m;
      case ON_SELECT_PRICE_CUT ->
          m.path().endsWith("/on_select")
              ? resigned(
                  m,
                  own,
                  t -> {
                    for (JsonNode item : t.at("/message/order/items")) {
                      if (item.path("price") instanceof ObjectNode price) {
                        price.put("value", CUT_PRICE);
                      }
                    }
                  })
              : m;
      default -> m;
    };
  }

  /**
   * An init whose ledger URL {@code from} is replaced by {@code to}, re-signed by the buyer: what a
   * seller whose DISCOM's ledger is configured at {@code to} makes of the kit's contract.
   */
  static FaultProxy.Message ledgerMoved(
      FaultProxy.Message m, String from, String to, BecknSigner buyer) {
    if (!m.path().endsWith("/init")) {
      return m;
    }
    byte[] body =
        new String(m.body(), StandardCharsets.UTF_8)
            .replace(from, to)
            .getBytes(StandardCharsets.UTF_8);
    return new FaultProxy.Message(m.path(), body, buyer.authorization(body));
  }

  /** The subscriber and key id an {@code Authorization} names. */
  private static String[] keyIdOf(String authorization) {
    String k = authorization.replaceAll("(?s).*keyId=\"([^\"]*)\".*", "$1");
    String[] parts = k.split("\\|");
    return new String[] {parts[0], parts[1]};
  }

  private static FaultProxy.Message resigned(
      FaultProxy.Message m, BecknSigner own, java.util.function.Consumer<JsonNode> change) {
    try {
      JsonNode tree = JSON.readTree(m.body());
      change.accept(tree);
      byte[] body = JSON.writeValueAsBytes(tree);
      return new FaultProxy.Message(m.path(), body, own.authorization(body));
    } catch (IOException e) {
      return m;
    }
  }
}
