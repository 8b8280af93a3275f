package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;
import org.uei.p2p.model.json.JsonView;
import org.uei.p2p.model.json.NumberBounds;

/**
 * Base of every UEI v1 wire object: a {@link JsonView} over the JSON object it was read from, with
 * what Beckn 1.1.0 objects share: a {@code descriptor} and {@code tags}, the 1.1.0 way to carry
 * what the core schema has no member for. Immutable and safe to share between threads.
 */
public abstract class UeiV1Object extends JsonView {

  /** Beckn 1.1.0's DecimalValue: a number written as a JSON string, e.g. {@code "7.25"}. */
  public static final Pattern DECIMAL_VALUE = Pattern.compile("[+-]?([0-9]*[.])?[0-9]+");

  /**
   * A view of {@code json}, which the caller must not change afterwards, found at JSON path {@code
   * path}.
   */
  protected UeiV1Object(ObjectNode json, String path) {
    super(json, path);
  }

  /**
   * Member {@code name} as a view with no typed getters of its own (billing, quote, a form), or
   * {@code null} when absent or not an object.
   */
  public final UeiV1Object child(String name) {
    return object(name, Plain::new);
  }

  /**
   * Element {@code index} of array member {@code name} as a generic view, or {@code null} when it
   * is not an object.
   */
  public final UeiV1Object childAt(String name, int index) {
    JsonNode n = node().path(name).path(index);
    return n instanceof ObjectNode o ? new Plain(o, pathOf(name) + "[" + index + "]") : null;
  }

  /** {@code descriptor.code}, or {@code null}. */
  public final String descriptorCode() {
    return textAt(node().path("descriptor").get("code"));
  }

  /** {@code descriptor.name}, or {@code null}. */
  public final String descriptorName() {
    return textAt(node().path("descriptor").get("name"));
  }

  /**
   * The value of the tag {@code code} in the tag group {@code group} ({@code tags[descriptor.code =
   * group].list[descriptor.code = code].value}), if present and a string.
   */
  public final Optional<String> tag(String group, String code) {
    JsonNode tags = node().get("tags");
    if (tags == null || !tags.isArray()) {
      return Optional.empty();
    }
    for (JsonNode g : tags) {
      if (group.equals(textAt(g.path("descriptor").get("code"))) && g.path("list").isArray()) {
        for (JsonNode t : g.get("list")) {
          if (code.equals(textAt(t.path("descriptor").get("code")))) {
            return Optional.ofNullable(textAt(t.get("value")));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The text at {@code pointer} (e.g. {@code /price/value}) below this object, or {@code null}. */
  public final String textAtPointer(String pointer) {
    return textAt(node().at(pointer));
  }

  /**
   * The DecimalValue string at {@code pointer} below this object as a decimal, or {@code null} when
   * absent or not a DecimalValue (validation reports which).
   */
  public final BigDecimal decimalAtPointer(String pointer) {
    return decimalOf(textAt(node().at(pointer)));
  }

  /**
   * A DecimalValue string as a decimal; {@code null} when absent, not a DecimalValue or beyond
   * {@link NumberBounds} (a string is not bounded by the parser as a JSON number is).
   */
  public static BigDecimal decimalOf(String s) {
    if (s == null || s.length() > 40 || !DECIMAL_VALUE.matcher(s).matches()) {
      return null;
    }
    BigDecimal d = new BigDecimal(s);
    return NumberBounds.within(d) ? d : null;
  }

  static String textAt(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  /** A view of an object this library reads only generically. */
  private static final class Plain extends UeiV1Object {
    Plain(ObjectNode json, String path) {
      super(json, path);
    }
  }
}
