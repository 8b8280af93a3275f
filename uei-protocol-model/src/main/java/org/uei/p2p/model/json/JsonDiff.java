package org.uei.p2p.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * JSON equality as the round-trip check needs it: objects compare by members regardless of order,
 * arrays element by element, and numbers by value ({@code 15.0} equals {@code 15}).
 */
public final class JsonDiff {

  /** Where two documents first differ, with the two values there ({@code null} when absent). */
  public record Difference(String path, JsonNode expected, JsonNode actual) {
    @Override
    public String toString() {
      return path + ": " + show(expected) + " vs " + show(actual);
    }

    private static String show(JsonNode n) {
      return n == null ? "<absent>" : BecknJson.writeString(n);
    }
  }

  private JsonDiff() {}

  /** True when both documents are JSON-equal under the rules above. */
  public static boolean equal(JsonNode expected, JsonNode actual) {
    return firstDifference(expected, actual).isEmpty();
  }

  /** The first difference in document order, or empty when the documents are JSON-equal. */
  public static Optional<Difference> firstDifference(JsonNode expected, JsonNode actual) {
    return diff("$", expected, actual);
  }

  private static Optional<Difference> diff(String path, JsonNode e, JsonNode a) {
    if (e == null || a == null) {
      return e == a ? Optional.empty() : Optional.of(new Difference(path, e, a));
    }
    if (e.isNumber() && a.isNumber()) {
      return e.decimalValue().compareTo(a.decimalValue()) == 0
          ? Optional.empty()
          : Optional.of(new Difference(path, e, a));
    }
    if (e.getNodeType() != a.getNodeType()) {
      return Optional.of(new Difference(path, e, a));
    }
    if (e.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = e.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        Optional<Difference> d = diff(child(path, m.getKey()), m.getValue(), a.get(m.getKey()));
        if (d.isPresent()) {
          return d;
        }
      }
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!e.has(name)) {
          return Optional.of(new Difference(child(path, name), null, a.get(name)));
        }
      }
      return Optional.empty();
    }
    if (e.isArray()) {
      int n = Math.max(e.size(), a.size());
      for (int i = 0; i < n; i++) {
        Optional<Difference> d = diff(path + "[" + i + "]", e.get(i), a.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return e.equals(a) ? Optional.empty() : Optional.of(new Difference(path, e, a));
  }

  private static String child(String path, String name) {
    return "$".equals(path) ? name : path + "." + name;
  }
}
