package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.core.JsonProcessingException;
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

/**
 * Reading and writing wave-2 JSON, with the bounds every wave-2 body is held to before anything
 * reads it: a number has at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point and
 * at most {@value #MAX_DECIMALS} after it, and no string holds the NUL character.
 *
 * <p>Numbers are read as written (BigDecimal, scale kept) and are unbounded in JSON: {@code 1e-999999999}
 * is three bytes on the wire and a billion digits when formatted, and arithmetic on it never ends.
 * Refusing it here, with its path and code 30000, means no later step can trip over it; the
 * refusal names the digit counts, never the number in full. NUL is refused for the reason wave 1
 * gives: no field needs it and PostgreSQL text cannot hold it.
 */
public final class Wave2Json {

  /** Most digits before the decimal point (10^18 kWh or rupees is beyond any trade). */
  public static final int MAX_INTEGER_DIGITS = 18;
  /** Most digits after the decimal point. */
  public static final int MAX_DECIMALS = 18;

  private Wave2Json() {}

  /** Reads one JSON object and checks its bounds. */
  static ObjectNode read(byte[] body) throws MessageParseException {
    JsonNode tree;
    try {
      tree = BecknJson.readTree(body);
    } catch (IOException e) {
      String what = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      String where = e instanceof JsonProcessingException j && j.getLocation() != null
          ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : "";
      throw new MessageParseException(BecknError.of(ErrorCode.INVALID_REQUEST,
          "not valid JSON: " + firstLine(what) + where, ""), true, e);
    }
    if (!(tree instanceof ObjectNode o)) {
      throw new MessageParseException(BecknError.of(ErrorCode.INVALID_REQUEST,
          "the body must be a JSON object with context and message", ""), false, null);
    }
    check(o);
    return o;
  }

  /** Checks the bounds of every number and string in {@code tree}. */
  static void check(ObjectNode tree) throws MessageParseException {
    List<Object> at = new ArrayList<>();
    String problem = walk(tree, at);
    if (problem != null) {
      throw new MessageParseException(BecknError.of(ErrorCode.INVALID_REQUEST, problem, path(at)), false, null);
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
    int decimals = value.scale();
    int integerDigits = value.precision() - decimals;
    if (decimals > MAX_DECIMALS) {
      return "number has " + decimals + " digits after the decimal point (at most " + MAX_DECIMALS + ")";
    }
    if (integerDigits > MAX_INTEGER_DIGITS) {
      return "number has " + integerDigits + " digits before the decimal point (at most " + MAX_INTEGER_DIGITS + ")";
    }
    return null;
  }

  // Depth-first; 'at' is the path to the node being looked at, built into text only on failure.
  private static String walk(JsonNode n, List<Object> at) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        at.add(e.getKey());
        String p = e.getKey().indexOf('\u0000') >= 0 ? "the NUL character (U+0000) is not allowed in a member name"
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

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
