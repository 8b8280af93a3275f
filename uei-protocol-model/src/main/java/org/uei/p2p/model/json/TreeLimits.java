package org.uei.p2p.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a tree read does not check by itself, for the generations read as {@link JsonView}s: no
 * member name or string holds the NUL character (no field needs it and PostgreSQL text cannot hold
 * it), and numbers built in code keep the {@link NumberBounds} that parsed ones keep.
 */
public final class TreeLimits {

  private TreeLimits() {}

  /** The first value of {@code tree} beyond the limits, or {@code null} when there is none. */
  public static JsonProblems.Problem firstProblem(JsonNode tree) {
    List<Object> at = new ArrayList<>();
    String problem = walk(tree, at);
    return problem == null ? null : new JsonProblems.Problem(problem, path(at), false);
  }

  /** Why {@code value} is out of bounds, or {@code null} when it is within them. */
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
        return outOfBounds(JsonView.decimalOf(n));
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
