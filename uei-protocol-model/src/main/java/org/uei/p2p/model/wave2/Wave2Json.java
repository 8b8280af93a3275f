package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.JsonProblems;
import org.uei.p2p.model.json.NumberBounds;

/**
 * Reading and writing wave-2 JSON. Bytes are read by {@link BecknJson}, which already refuses
 * anything but one UTF-8 JSON text and numbers beyond {@link NumberBounds}; this class adds what a
 * tree read does not check: no member name or string holds the NUL character (no field needs it and
 * PostgreSQL text cannot hold it), and numbers built in code keep the same bounds.
 */
public final class Wave2Json {

  private Wave2Json() {}

  /** Reads one JSON object and checks its bounds. */
  static ObjectNode read(byte[] body) throws MessageParseException {
    JsonNode tree;
    try {
      tree = BecknJson.readTree(body);
    } catch (IOException e) {
      JsonProblems.Problem p = JsonProblems.of(e);
      throw new MessageParseException(
          BecknError.of(ErrorCode.INVALID_REQUEST, p.message(), p.path()), p.notJson(), e);
    }
    if (!(tree instanceof ObjectNode o)) {
      throw new MessageParseException(
          BecknError.of(
              ErrorCode.INVALID_REQUEST,
              "the body must be a JSON object with context and message",
              ""),
          false,
          null);
    }
    check(o);
    return o;
  }

  /** Checks the bounds of every number and string in {@code tree}. */
  static void check(ObjectNode tree) throws MessageParseException {
    List<Object> at = new ArrayList<>();
    String problem = walk(tree, at);
    if (problem != null) {
      throw new MessageParseException(
          BecknError.of(ErrorCode.INVALID_REQUEST, problem, path(at)), false, null);
    }
  }

  /** Compact UTF-8 JSON of a tree, members in their order, numbers as read. */
  static byte[] write(JsonNode tree) {
    return BecknJson.write(tree);
  }

  /**
   * Why {@code value} is out of bounds, or {@code null} when it is within them. Shared with
   * validation so that numbers built in code meet the rule that parsed ones meet.
   */
  public static String outOfBounds(BigDecimal value) {
    return NumberBounds.within(value) ? null : "number out of bounds: " + NumberBounds.RULE;
  }

  // Depth-first; 'at' is the path to the node being looked at, built into text only on failure.
  private static String walk(JsonNode n, List<Object> at) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        at.add(e.getKey());
        String p =
            e.getKey().indexOf('\u0000') >= 0
                ? "the NUL character (U+0000) is not allowed in a member name"
                : walk(e.getValue(), at);
        if (p != null) {
          return p;
        }
        at.remove(at.size() - 1);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        at.add(i);
        String p = walk(n.get(i), at);
        if (p != null) {
          return p;
        }
        at.remove(at.size() - 1);
      }
    } else if (n.isNumber()) {
      if (n.isBigDecimal() || (n.isIntegralNumber() && !n.isInt())) {
        return outOfBounds(Wave2Object.decimalOf(n));
      }
      if (n.isFloatingPointNumber()) {
        return "number is not a decimal";
      }
    } else if (n.isTextual() && n.asText().indexOf('\u0000') >= 0) {
      return "the NUL character (U+0000) is not allowed in a string";
    }
    return null;
  }

  private static String path(List<Object> at) {
    StringBuilder sb = new StringBuilder();
    for (Object seg : at) {
      if (seg instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(seg);
      }
    }
    return sb.toString();
  }
}
