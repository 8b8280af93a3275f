package org.uei.p2p.model.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of JSONPath filter expressions that discover requests use: {@code $[?( A && B ... )]}
 * where each term compares a path of the candidate ({@code @.beckn:itemAttributes.sourceType}) with
 * a literal ({@code 'SOLAR'}, {@code 10.0}, {@code true}) using {@code == != > >= < <=}, in either
 * order. Paths are looked up in the candidate's offer first, then in the catalog item it sells, so
 * one filter can mix offer fields ({@code @.beckn:id}, {@code @.beckn:price...}) and item fields
 * ({@code @.beckn:networkId}, {@code @.beckn:itemAttributes...}). Numbers compare as decimals, RFC
 * 3339 times as instants, anything else as text; a path that resolves to an array matches when any
 * element does; a missing path never matches.
 *
 * <p>Anything else ({@code ||}, negation, nested brackets, functions, regular expressions) is
 * refused with {@link UnsupportedFilterException} naming what was not understood, rather than
 * answered with a wrong catalog.
 */
public final class DiscoverFilter {

  /** Thrown for expressions outside the supported subset. */
  public static final class UnsupportedFilterException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnsupportedFilterException(String message) {
      super(message);
    }
  }

  private enum Op {
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE
  }

  private record Term(List<String> path, Op op, Object literal) {}

  private static final DiscoverFilter MATCH_ALL = new DiscoverFilter(List.of());

  private final List<Term> terms;

  private DiscoverFilter(List<Term> terms) {
    this.terms = terms;
  }

  /** A filter that accepts every candidate (no {@code filters} in the request). */
  public static DiscoverFilter matchAll() {
    return MATCH_ALL;
  }

  /** Parses {@code expression}; null or blank means match all. */
  public static DiscoverFilter parse(String expression) throws UnsupportedFilterException {
    if (expression == null || expression.isBlank()) {
      return MATCH_ALL;
    }
    String e = expression.strip();
    if (!e.startsWith("$[?(") || !e.endsWith(")]")) {
      throw new UnsupportedFilterException("expected $[?( ... )], got: " + abbreviate(e));
    }
    String body = e.substring(4, e.length() - 2).strip();
    if (body.contains("||")) {
      throw new UnsupportedFilterException(
          "'||' is not supported; send one discover per alternative");
    }
    List<Term> terms = new ArrayList<>();
    for (String part : splitAnd(body)) {
      terms.add(term(part.strip()));
    }
    return new DiscoverFilter(List.copyOf(terms));
  }

  /** The offer selector every wave-2 discover filter starts with. */
  private static final String WAVE2_OFFERS = "$.catalogs[*].offers[*]";

  /**
   * Parses a wave-2 (IES, Beckn 2.0 LTS) filter {@code $.catalogs[*].offers[*] ? (terms)}, terms as
   * in {@link #parse} over the wave-2 offer, e.g. {@code @.offerAttributes."@type" ==
   * "EnergyTradeOffer"}; null or blank means match all.
   */
  public static DiscoverFilter parseWave2(String expression) throws UnsupportedFilterException {
    if (expression == null || expression.isBlank()) {
      return MATCH_ALL;
    }
    String e = expression.strip();
    if (!e.startsWith(WAVE2_OFFERS)) {
      throw new UnsupportedFilterException(
          "expected " + WAVE2_OFFERS + " ? ( ... ), got: " + abbreviate(e));
    }
    String rest = e.substring(WAVE2_OFFERS.length()).strip();
    if (rest.isEmpty()) {
      return MATCH_ALL;
    }
    if (!rest.startsWith("?") || !rest.endsWith(")")) {
      throw new UnsupportedFilterException(
          "expected " + WAVE2_OFFERS + " ? ( ... ), got: " + abbreviate(e));
    }
    rest = rest.substring(1).strip();
    if (!rest.startsWith("(")) {
      throw new UnsupportedFilterException(
          "expected " + WAVE2_OFFERS + " ? ( ... ), got: " + abbreviate(e));
    }
    String body = rest.substring(1, rest.length() - 1).strip();
    if (body.contains("||")) {
      throw new UnsupportedFilterException(
          "'||' is not supported; send one discover per alternative");
    }
    List<Term> terms = new ArrayList<>();
    for (String part : splitAnd(body)) {
      terms.add(term(part.strip()));
    }
    return new DiscoverFilter(List.copyOf(terms));
  }

  private static List<String> splitAnd(String body) throws UnsupportedFilterException {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        current.append(c);
      } else if (c == '&' && i + 1 < body.length() && body.charAt(i + 1) == '&') {
        parts.add(current.toString());
        current.setLength(0);
        i++;
      } else if (c == '('
          || c == ')'
          || c == '!' && (i + 1 >= body.length() || body.charAt(i + 1) != '=')) {
        throw new UnsupportedFilterException("'" + c + "' is not supported in a filter term");
      } else {
        current.append(c);
      }
    }
    if (quote != 0) {
      throw new UnsupportedFilterException("unterminated string literal");
    }
    parts.add(current.toString());
    return parts;
  }

  private static Term term(String s) throws UnsupportedFilterException {
    String[] ops = {"==", "!=", ">=", "<=", ">", "<"};
    for (String op : ops) {
      int at = indexOutsideQuotes(s, op);
      if (at > 0) {
        String left = s.substring(0, at).strip();
        String right = s.substring(at + op.length()).strip();
        Op o = op(op);
        if (left.startsWith("@")) {
          return new Term(path(left), o, literal(right));
        }
        if (right.startsWith("@")) {
          return new Term(path(right), flip(o), literal(left));
        }
        throw new UnsupportedFilterException("term compares no @ path: " + abbreviate(s));
      }
    }
    throw new UnsupportedFilterException("term is not a comparison: " + abbreviate(s));
  }

  private static int indexOutsideQuotes(String s, String op) {
    char quote = 0;
    for (int i = 0; i + op.length() <= s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (s.startsWith(op, i)) {
        return i;
      }
    }
    return -1;
  }

  private static Op op(String op) {
    return switch (op) {
      case "==" -> Op.EQ;
      case "!=" -> Op.NE;
      case ">=" -> Op.GE;
      case "<=" -> Op.LE;
      case ">" -> Op.GT;
      default -> Op.LT;
    };
  }

  private static Op flip(Op op) {
    return switch (op) {
      case GT -> Op.LT;
      case GE -> Op.LE;
      case LT -> Op.GT;
      case LE -> Op.GE;
      default -> op;
    };
  }

  private static List<String> path(String s) throws UnsupportedFilterException {
    if (!s.startsWith("@.") || s.length() < 3) {
      throw new UnsupportedFilterException("path must look like @.a.b, got: " + abbreviate(s));
    }
    List<String> segments = new ArrayList<>();
    for (String seg : s.substring(2).split("\\.")) {
      // A quoted member name, as wave-2 filters write "@type".
      boolean quoted = seg.length() >= 2 && seg.startsWith("\"") && seg.endsWith("\"");
      segments.add(quoted ? seg.substring(1, seg.length() - 1) : seg);
    }
    for (String seg : segments) {
      if (seg.isEmpty() || !seg.matches("[A-Za-z0-9_:@\\-]+")) {
        throw new UnsupportedFilterException(
            "path segment '" + seg + "' is not supported in " + abbreviate(s));
      }
    }
    return List.copyOf(segments);
  }

  private static Object literal(String s) throws UnsupportedFilterException {
    if (s.length() >= 2
        && (s.charAt(0) == '\'' && s.endsWith("'") || s.charAt(0) == '"' && s.endsWith("\""))) {
      return s.substring(1, s.length() - 1);
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new UnsupportedFilterException(
          "'" + abbreviate(s) + "' is not a string, number or boolean literal");
    }
  }

  /** True when every term holds for the candidate described by {@code item} and {@code offer}. */
  public boolean matches(JsonNode item, JsonNode offer) {
    for (Term t : terms) {
      JsonNode value = resolve(offer, t.path());
      if (value == null) {
        value = resolve(item, t.path());
      }
      if (value == null || !holds(value, t)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode resolve(JsonNode root, List<String> path) {
    JsonNode n = root;
    for (String seg : path) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(seg);
    }
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  private static boolean holds(JsonNode value, Term t) {
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (holds(element, t)) {
          return true;
        }
      }
      return false;
    }
    Integer cmp = compare(value, t.literal());
    if (cmp == null) {
      return false;
    }
    return switch (t.op()) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
    };
  }

  // null when the two cannot be compared (e.g. text against a number): such a term fails.
  private static Integer compare(JsonNode value, Object literal) {
    if (literal instanceof BigDecimal number) {
      if (value.isNumber()) {
        return value.decimalValue().compareTo(number);
      }
      return null;
    }
    if (literal instanceof Boolean b) {
      return value.isBoolean() ? Boolean.compare(value.booleanValue(), b) : null;
    }
    String text = (String) literal;
    if (!value.isValueNode()) {
      return null;
    }
    Instant a = instant(value.asText());
    Instant b = instant(text);
    if (a != null && b != null) {
      return a.compareTo(b);
    }
    return Objects.equals(value.asText(), text) ? 0 : value.asText().compareTo(text);
  }

  private static Instant instant(String s) {
    if (s.length() < 20 || s.charAt(4) != '-' || s.charAt(10) != 'T') {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
