package org.uei.p2p.model.validation;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import org.uei.p2p.model.json.JsonView;

/**
 * JSON-shape checks of the members of views (IES wave 2, UEI v1). Those models read JSON without
 * binding it, so a member of the wrong JSON type reaches validation (instead of failing the parse)
 * and is reported here with its path, once, as "must be a string" rather than as a missing member.
 */
final class Wave2Shapes {

  private Wave2Shapes() {}

  /**
   * Checks that member {@code name} is a string (and present when {@code required}); returns its
   * text or null.
   */
  static String text(Problems p, JsonView o, String name, boolean required) {
    return shape(p, o, name, JsonNodeType.STRING, required) ? o.member(name).asText() : null;
  }

  /** A required string that must not be blank. */
  static String requiredText(Problems p, JsonView o, String name) {
    String s = text(p, o, name, true);
    if (s != null && s.isBlank()) {
      p.add(o.pathOf(name), "must not be blank");
      return null;
    }
    return s;
  }

  /** Checks that member {@code name} is an object; true when it is. */
  static boolean object(Problems p, JsonView o, String name, boolean required) {
    return shape(p, o, name, JsonNodeType.OBJECT, required);
  }

  /**
   * Checks that member {@code name} is an array (non-empty when {@code nonEmpty}); true when it is
   * one.
   */
  static boolean array(Problems p, JsonView o, String name, boolean required, boolean nonEmpty) {
    if (!shape(p, o, name, JsonNodeType.ARRAY, required)) {
      return false;
    }
    if (nonEmpty && o.member(name).isEmpty()) {
      p.add(o.pathOf(name), "must not be empty");
      return false;
    }
    return true;
  }

  /** Checks that member {@code name} is a number; returns it or null. */
  static BigDecimal number(Problems p, JsonView o, String name, boolean required) {
    return shape(p, o, name, JsonNodeType.NUMBER, required) ? o.member(name).decimalValue() : null;
  }

  /**
   * Reports a {@code null} entry of a view list (an element that is not an object); true when it is
   * one.
   */
  static boolean notObject(Problems p, String path, Object element) {
    if (element == null) {
      p.add(path, "must be an object");
      return true;
    }
    return false;
  }

  /** {@code @type}, when present, must be {@code expected}. */
  static void jsonLdType(Problems p, JsonView o, String expected) {
    String t = text(p, o, "@type", false);
    p.equalTo(o.pathOf("@type"), t, expected);
  }

  /** An absolute http(s) base URL without a path, as DiscomLedgerProvider requires of its URIs. */
  static void baseUri(Problems p, String path, String value) {
    if (value == null) {
      return;
    }
    int before = p.errors().size();
    p.httpUri(path, value);
    if (p.errors().size() == before) {
      String rest = java.net.URI.create(value).getRawPath();
      if (rest != null && !rest.isEmpty() && !"/".equals(rest)) {
        p.add(path, "'" + value + "' must be a base URL without a path");
      }
    }
  }

  private static boolean shape(
      Problems p, JsonView o, String name, JsonNodeType expected, boolean required) {
    JsonNodeType t = o.typeOf(name);
    if (t == expected) {
      return true;
    }
    if (t == JsonNodeType.MISSING || t == JsonNodeType.NULL) {
      if (required) {
        p.add(o.pathOf(name), "is required");
      }
      return false;
    }
    p.add(o.pathOf(name), "must be " + article(expected) + ", not " + article(t));
    return false;
  }

  private static String article(JsonNodeType t) {
    return switch (t) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
