package org.uei.p2p.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a JSON body in the sender's terms: a JSON path and a reason that speaks
 * of JSON types and values, never of this project's classes, Jackson's features or its settings.
 * Jackson's own texts name Java types ({@code java.math.BigDecimal}, model classes) and parser
 * switches a sender cannot turn on; they are rewritten here and scrubbed when no rewrite fits.
 */
public final class JsonProblems {

  /**
   * One problem with a body.
   *
   * @param message the reason, in JSON terms
   * @param path the JSON path of the value, dotted with {@code [i]}; empty for the whole body
   * @param notJson true when the body is not JSON text at all (as opposed to JSON of the wrong
   *     shape)
   */
  public record Problem(String message, String path, boolean notJson) {}

  private static final Pattern TOKEN = Pattern.compile("token `JsonToken\\.([A-Z_]+)`");
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\(?(start marker at )?\\[Source:[^\\]]*\\][^)]*\\)?");
  private static final Pattern FROM_SETTING = Pattern.compile(",?\\s*from `[^`]*`");
  private static final Pattern ENABLE = Pattern.compile(":?\\s*enable `[^`]*` to allow");
  private static final Pattern FEATURE =
      Pattern.compile(
          "\\s*\\(not recognized as one since Feature '[A-Z_]+' not" + " enabled for parser\\)");
  private static final Pattern QUALIFIED =
      Pattern.compile("`?\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.[A-Z][\\w$]*" + "(<[^>]*>)?`?");
  private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");

  private JsonProblems() {}

  /** The problem behind an exception from reading JSON with {@link BecknJson}. */
  public static Problem of(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof WireJsonException w) {
        return new Problem(w.reason(), w.path(), w.path().isEmpty());
      }
    }
    if (e instanceof DatabindException de && !(e instanceof StreamReadException)) {
      return new Problem(shape(de), pathOf(de), false);
    }
    String where = "";
    if (e instanceof JsonProcessingException jpe
        && jpe.getLocation() != null
        && jpe.getLocation() != JsonLocation.NA
        && jpe.getLocation().getLineNr() > 0) {
      where =
          " at line "
              + jpe.getLocation().getLineNr()
              + ", column "
              + jpe.getLocation().getColumnNr();
    }
    String what =
        e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    return new Problem("not valid JSON: " + scrub(what) + where, "", true);
  }

  /** A message about the shape of the JSON (right syntax, wrong types), without Java names. */
  private static String shape(DatabindException e) {
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith("Trailing token")) {
      return "more JSON after the first value: a body is exactly one JSON value";
    }
    if (e instanceof InvalidTypeIdException ite) {
      return "unknown @type '" + excerpt(ite.getTypeId()) + "'";
    }
    if (e instanceof ValueInstantiationException
        && e.getCause() != null
        && e.getCause().getMessage() != null) {
      return "invalid value: " + scrub(e.getCause().getMessage());
    }
    if (original != null && original.contains("not allowed in a string")) {
      return "the NUL character (U+0000) is not allowed in a string";
    }
    if (e instanceof InvalidFormatException ife) {
      return "'"
          + excerpt(String.valueOf(ife.getValue()))
          + "' is not "
          + expected(ife.getTargetType());
    }
    if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
      String got = got(original);
      return "wrong JSON type: expected "
          + expected(mie.getTargetType())
          + (got == null ? "" : ", got " + got);
    }
    return "wrong JSON type: " + scrub(original);
  }

  /** The JSON type a sender should have written for a member of {@code type}. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (CharSequence.class.isAssignableFrom(type)
        || type == Character.class
        || type == char.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "a date-time string (RFC 3339)";
    }
    if (java.time.Duration.class.isAssignableFrom(type)) {
      return "a duration string (ISO 8601)";
    }
    if (type.isEnum()) {
      return "one of the allowed values";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
      return "an object";
    }
    return "a valid value";
  }

  /** What the sender wrote instead, from the token Jackson names in its message. */
  private static String got(String original) {
    if (original == null) {
      return null;
    }
    Matcher m = TOKEN.matcher(original);
    if (!m.find()) {
      if (original.contains("from String value") || original.startsWith("Cannot coerce String")) {
        return "a string";
      }
      if (original.startsWith("Cannot coerce Integer")
          || original.startsWith("Cannot coerce Floating-point")) {
        return "a number";
      }
      return original.startsWith("Cannot coerce Boolean") ? "a boolean" : null;
    }
    return switch (m.group(1)) {
      case "START_OBJECT" -> "an object";
      case "START_ARRAY" -> "an array";
      case "VALUE_STRING" -> "a string";
      case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "a number";
      case "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
      case "VALUE_NULL" -> "null";
      default -> null;
    };
  }

  /**
   * A Jackson or validation text without locations, settings, Java names or advice about switches.
   */
  static String scrub(String text) {
    if (text == null) {
      return "unreadable";
    }
    int nl = text.indexOf('\n');
    String s = nl < 0 ? text : text.substring(0, nl);
    s = SOURCE.matcher(s).replaceAll("");
    s = FROM_SETTING.matcher(s).replaceAll("");
    s = ENABLE.matcher(s).replaceAll(": not allowed in JSON");
    s = FEATURE.matcher(s).replaceAll(" (JSON has no comments)");
    s = QUALIFIED.matcher(s).replaceAll("value");
    s = BACKTICKED.matcher(s).replaceAll("value");
    // The parser quotes an unexpected backtick as '`'; a lone one would read as a Java name's
    // quote.
    s = s.replace("'`'", "U+0060").replace("`", "");
    return excerptLong(s.trim());
  }

  private static String pathOf(DatabindException e) {
    StringBuilder sb = new StringBuilder();
    if (e instanceof JsonMappingException jme) {
      for (JsonMappingException.Reference r : jme.getPath()) {
        if (r.getFieldName() != null) {
          if (sb.length() > 0) {
            sb.append('.');
          }
          sb.append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          sb.append('[').append(r.getIndex()).append(']');
        }
      }
    }
    return sb.toString();
  }

  private static String excerpt(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static String excerptLong(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
