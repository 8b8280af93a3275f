package org.uei.p2p.market.policy.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads from a configuration tree that fail with the file, line and key of the member at
 * fault. Keys are JSON pointers inside; messages show them dotted ({@code a.b[1]}), as people write
 * them.
 */
final class ConfigReader {

  private final String file;
  private final Map<String, Integer> lines;

  private ConfigReader(String file, Map<String, Integer> lines) {
    this.file = file;
    this.lines = lines;
  }

  /** A reader for {@code json} as read from {@code file}; the tree is parsed separately. */
  static ConfigReader of(String file, byte[] json, JsonFactory factory) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    // A second, streaming pass: the tree model forgets where members were, the parser knows.
    try (JsonParser p = factory.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        boolean opens = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
        var ctx = opens ? p.getParsingContext().getParent() : p.getParsingContext();
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && ctx != null) {
          lines.putIfAbsent(ctx.pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
        }
      }
    }
    return new ConfigReader(file, lines);
  }

  PolicyConfigException error(String pointer, String what) {
    String at = pointer;
    while (!lines.containsKey(at) && !at.isEmpty()) {
      at = at.substring(0, at.lastIndexOf('/'));
    }
    Integer line = lines.get(at);
    String key = dotted(pointer);
    return new PolicyConfigException(
        file
            + (line == null ? "" : " line " + line)
            + (key.isEmpty() ? "" : ", " + key)
            + ": "
            + what);
  }

  static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String seg : pointer.split("/")) {
      if (seg.isEmpty()) {
        continue;
      }
      if (seg.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(seg).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(seg.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  static String child(String pointer, String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /** Refuses members outside {@code known}: a misspelt key would otherwise be silently ignored. */
  void onlyKeys(JsonNode obj, String pointer, Set<String> known) throws PolicyConfigException {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw error(child(pointer, k), "unknown key (known: " + String.join(", ", known) + ")");
      }
    }
  }

  JsonNode object(JsonNode parent, String pointer, String key, boolean required)
      throws PolicyConfigException {
    JsonNode n = parent.get(key);
    if (n == null) {
      if (required) {
        throw error(pointer, "missing required key " + key);
      }
      return null;
    }
    if (!n.isObject()) {
      throw error(
          child(pointer, key), "expected an object, found " + n.getNodeType().name().toLowerCase());
    }
    return n;
  }

  Set<String> strings(JsonNode parent, String pointer, String key, Set<String> dflt)
      throws PolicyConfigException {
    JsonNode n = parent.get(key);
    if (n == null) {
      if (dflt == null) {
        throw error(pointer, "missing required key " + key);
      }
      return dflt;
    }
    String at = child(pointer, key);
    if (!n.isArray()) {
      throw error(
          at, "expected an array of strings, found " + n.getNodeType().name().toLowerCase());
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual() || e.asText().isBlank()) {
        throw error(at + "/" + i, "expected a non-empty string, found " + e);
      }
      if (!out.add(e.asText())) {
        throw error(at + "/" + i, "duplicate value " + e);
      }
    }
    return out;
  }

  String text(JsonNode parent, String pointer, String key, String dflt)
      throws PolicyConfigException {
    JsonNode n = parent.get(key);
    if (n == null) {
      if (dflt == null) {
        throw error(pointer, "missing required key " + key);
      }
      return dflt;
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw error(child(pointer, key), "expected a non-empty string, found " + n);
    }
    return n.asText();
  }

  boolean bool(JsonNode parent, String pointer, String key, boolean dflt)
      throws PolicyConfigException {
    JsonNode n = parent.get(key);
    if (n == null) {
      return dflt;
    }
    if (!n.isBoolean()) {
      throw error(child(pointer, key), "expected true or false, found " + n);
    }
    return n.asBoolean();
  }

  BigDecimal decimal(JsonNode parent, String pointer, String key, BigDecimal dflt)
      throws PolicyConfigException {
    JsonNode n = parent.get(key);
    if (n == null) {
      return dflt;
    }
    if (!n.isNumber() || n.decimalValue().signum() < 0) {
      throw error(child(pointer, key), "expected a number not below 0, found " + n);
    }
    return n.decimalValue();
  }

  Duration duration(JsonNode parent, String pointer, String key, Duration dflt)
      throws PolicyConfigException {
    String s = text(parent, pointer, key, dflt.toString());
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw error(
          child(pointer, key), "expected an ISO-8601 duration like PT4H, found \"" + s + "\"");
    }
  }
}
