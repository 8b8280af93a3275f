package org.uei.p2p.network.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The malformed-message families of the hostile corpus, generated from one valid {@code select}:
 * broken JSON, wrong types, missing and extra members, wrong actions, domains and versions,
 * oversized and deeply nested bodies, hostile ids, bad quantities and times. Each case keeps a
 * fresh {@code message_id}, so a refusal is never just a replay. {@link TrustBoundaryCases} adds
 * the families about numbers, URLs, prices, encodings, headers, HTTP and signatures.
 */
final class HostileCorpus {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> CONTEXT_FIELDS =
      List.of(
          "domain",
          "action",
          "version",
          "bap_id",
          "bap_uri",
          "bpp_id",
          "bpp_uri",
          "transaction_id",
          "message_id",
          "timestamp",
          "ttl");
  private static final List<String> HOSTILE_STRINGS =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE beckn_message; --",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1/a}",
          "../../../../etc/passwd",
          "%00",
          "\u0000",
          "\u202Eevil\u202C",
          "\u200B\u200B",
          "e\u0301\u0301\u0301",
          "\uD83D\uDE00\uD83D\uDE00",
          "\uFFFF\uFFFE",
          "A".repeat(5000),
          "",
          " ",
          "null");

  private final ObjectNode valid;
  private final int maxBodyBytes;
  private final List<HostileCase> cases = new ArrayList<>();

  HostileCorpus(byte[] validSelect, int maxBodyBytes) throws IOException {
    this.valid = (ObjectNode) JSON.readTree(validSelect);
    this.maxBodyBytes = maxBodyBytes;
  }

  List<HostileCase> all() throws IOException {
    brokenJson();
    wrongTypes();
    missingFields();
    extraHostileFields();
    wrongAction();
    unknownDomainAndVersion();
    oversized();
    deepNesting();
    hostileIds();
    badQuantities();
    oddTimes();
    return cases;
  }

  private void brokenJson() throws IOException {
    try (InputStream in = HostileCorpus.class.getResourceAsStream("/hardening/broken-json.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] parts = line.split("\t", 2);
          raw("broken-json/" + parts[0], parts[1].getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    byte[] whole = write(fresh());
    for (int i = 1; i <= 12; i++) {
      raw("broken-json/truncated-at-" + i + "-of-13", Arrays.copyOf(whole, whole.length * i / 13));
    }
    raw("broken-json/empty-body", new byte[0]);
    raw(
        "broken-json/invalid-utf8",
        new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
    raw("broken-json/nul-bytes", new byte[] {0, 0, 0, 0});
  }

  private void wrongTypes() {
    for (String field : CONTEXT_FIELDS) {
      List<JsonNode> wrong =
          List.of(
              NODES.numberNode(123),
              NODES.booleanNode(true),
              NODES.arrayNode(),
              NODES.objectNode(),
              NODES.nullNode());
      for (JsonNode value : wrong) {
        if (field.equals("ttl") && value.isNull()) {
          continue; // ttl is optional: null is its absence
        }
        content(
            "wrong-type/context." + field + "=" + value.getNodeType(),
            m -> context(m).set(field, value));
      }
    }
    content("wrong-type/message=array", m -> m.set("message", NODES.arrayNode()));
    content(
        "wrong-type/message.order=string", m -> ((ObjectNode) m.get("message")).put("order", "x"));
    content("wrong-type/context=array", m -> m.set("context", NODES.arrayNode()));
  }

  private void missingFields() {
    for (String field : CONTEXT_FIELDS) {
      if (!field.equals("ttl")) { // optional
        content("missing/context." + field, m -> context(m).remove(field));
      }
    }
    content("missing/context", m -> m.remove("context"));
    content("missing/message", m -> m.remove("message"));
    content("missing/message.order", m -> ((ObjectNode) m.get("message")).removeAll());
  }

  private void extraHostileFields() {
    // Unknown fields are kept (networks extend the packs), so an extra field is only refused when
    // the well-known fields it travels with are wrong.
    content(
        "extra/context.duplicate-bap-id-as-other-spelling+no-bap_id",
        m -> {
          context(m).put("bapId", context(m).get("bap_id").asText());
          context(m).remove("bap_id");
        });
    content(
        "extra/context.bpp_id-list",
        m ->
            context(m)
                .set(
                    "bpp_id",
                    NODES.arrayNode().add(context(m).get("bpp_id").asText()).add("bpp.other")));
  }

  private void wrongAction() {
    for (String action :
        List.of(
            "discover",
            "init",
            "confirm",
            "status",
            "update",
            "cancel",
            "on_select",
            "on_confirm",
            "SELECT",
            "select ",
            "selectx",
            "",
            "rating")) {
      content(
          "wrong-action/"
              + (action.isEmpty()
                  ? "empty"
                  : action.trim() + (action.endsWith(" ") ? "-space" : "")),
          m -> context(m).put("action", action));
    }
  }

  private void unknownDomainAndVersion() {
    for (String domain :
        List.of(
            "beckn.one:deg:ev-charging:2.0.0",
            "retail",
            "beckn.one:deg:p2p-trading:9.9.9",
            "BECKN.ONE:DEG:P2P-TRADING-INTERDISCOM:2.0.0",
            "x".repeat(300))) {
      content(
          "unknown-domain/" + domain.substring(0, Math.min(40, domain.length())),
          m -> context(m).put("domain", domain));
    }
    for (String version : List.of("1.1.0", "0.9", "3.0.0", "2.0.0-rc1", "two", "")) {
      content(
          "unknown-version/" + (version.isEmpty() ? "empty" : version),
          m -> context(m).put("version", version));
    }
  }

  private void oversized() {
    for (int extra : new int[] {1, 1024, maxBodyBytes}) {
      content(
          "oversized/limit+" + extra,
          m -> {
            int padding = maxBodyBytes + extra - write(m).length;
            ((ObjectNode) m.get("message")).put("padding", "p".repeat(Math.max(padding, 1) + 32));
          });
    }
  }

  private void deepNesting() {
    for (int depth : new int[] {1_001, 5_000, 20_000}) {
      String nested = "[".repeat(depth) + "]".repeat(depth);
      String body = new String(write(fresh()), StandardCharsets.UTF_8);
      raw(
          "deep-nesting/arrays-" + depth,
          (body.substring(0, body.length() - 1) + ",\"deep\":" + nested + "}")
              .getBytes(StandardCharsets.UTF_8));
    }
    String objects = "{\"n\":".repeat(2_000) + "{}" + "}".repeat(2_000);
    String body = new String(write(fresh()), StandardCharsets.UTF_8);
    raw(
        "deep-nesting/objects-2000",
        (body.substring(0, body.length() - 1) + ",\"deep\":" + objects + "}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private void hostileIds() {
    for (int i = 0; i < HOSTILE_STRINGS.size(); i++) {
      String s = HOSTILE_STRINGS.get(i);
      content("hostile-id/message_id#" + i, m -> context(m).put("message_id", s));
      content("hostile-id/transaction_id#" + i, m -> context(m).put("transaction_id", s));
      content("hostile-id/bap_id#" + i, m -> context(m).put("bap_id", s));
      content("hostile-id/order-item-ids#" + i, m -> replaceAll(m, "beckn:id", NODES.textNode(s)));
    }
  }

  private void badQuantities() {
    List<JsonNode> quantities =
        List.of(
            NODES.numberNode(-1),
            NODES.numberNode(0),
            NODES.textNode("NaN"),
            NODES.textNode("Infinity"),
            NODES.textNode("-Infinity"),
            NODES.numberNode(new java.math.BigDecimal("1e309")),
            NODES.numberNode(new java.math.BigDecimal("99999999999999999999999999999")),
            NODES.numberNode(new java.math.BigDecimal("1e-400")),
            NODES.textNode("four"),
            NODES.nullNode(),
            NODES.numberNode(new java.math.BigDecimal("-0.0001")),
            NODES.arrayNode().add(1));
    for (JsonNode q : quantities) {
      content("quantity/unitQuantity=" + q, m -> replaceAll(m, "unitQuantity", q));
    }
  }

  private void oddTimes() {
    for (String t :
        List.of(
            "not-a-time", "2026-13-45T25:61:61Z", "2026-01-01T00:00:00", "0", "", "yesterday")) {
      content("time/context.timestamp=" + t, m -> context(m).put("timestamp", t));
    }
    for (String ttl : List.of("PT-30S", "forever", "30", "")) {
      content("time/context.ttl=" + ttl, m -> context(m).put("ttl", ttl));
    }
    // Well-formed but absurd: far or too far from the node's clock, or a ttl no request needs.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Map<String, String> absurd = new LinkedHashMap<>();
    absurd.put("1970", "1970-01-01T00:00:00Z");
    absurd.put("9999", "9999-12-31T00:00:00Z");
    absurd.put("now+1h", now.plus(Duration.ofHours(1)).toString());
    absurd.put("now-1d", now.minus(Duration.ofDays(1)).toString());
    absurd.forEach(
        (name, t) ->
            content("absurd-time/context.timestamp=" + name, m -> context(m).put("timestamp", t)));
    for (String ttl : List.of("PT0S", "-PT1S", "P9999Y")) {
      content("absurd-time/context.ttl=" + ttl, m -> context(m).put("ttl", ttl));
    }
    for (String t : List.of("1970-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "yesterday")) {
      content(
          "time/delivery-window=" + t,
          m -> {
            replaceAll(m, "schema:startTime", NODES.textNode(t));
            replaceAll(m, "schema:endTime", NODES.textNode(t));
          });
    }
  }

  ObjectNode fresh() {
    ObjectNode m = valid.deepCopy();
    context(m).put("message_id", UUID.randomUUID().toString());
    context(m).put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    return m;
  }

  private void content(String name, Consumer<ObjectNode> mutation) {
    ObjectNode m = fresh();
    mutation.accept(m);
    cases.add(HostileCase.select(name, write(m)));
  }

  private void raw(String name, byte[] body) {
    cases.add(HostileCase.select(name, body));
  }

  static ObjectNode context(ObjectNode m) {
    JsonNode c = m.get("context");
    return c instanceof ObjectNode o
        ? o
        : (ObjectNode) m.set("context", NODES.objectNode()).get("context");
  }

  /** Sets every field of this name anywhere under the message. */
  static void replaceAll(JsonNode node, String field, JsonNode value) {
    if (node instanceof ObjectNode o) {
      if (o.has(field)) {
        o.set(field, value.deepCopy());
      }
      o.properties().iterator().forEachRemaining(e -> replaceAll(e.getValue(), field, value));
    } else if (node instanceof ArrayNode a) {
      a.forEach(n -> replaceAll(n, field, value));
    }
  }

  static byte[] write(JsonNode m) {
    try {
      return JSON.writeValueAsBytes(m);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
