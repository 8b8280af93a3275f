package org.uei.p2p.signing;

import java.util.HashMap;
import java.util.Map;

/**
 * Splits a signature header into its attributes without regular expressions. Tolerates what senders
 * do in the field: an optional {@code Signature} scheme prefix in any case, spaces around names,
 * {@code =} and commas, any attribute order, unquoted values, backslash escapes in quoted values.
 * Attribute names are returned in lower case.
 */
final class HeaderParser {

  /** Real headers are a few hundred characters; anything far larger is refused before parsing. */
  static final int MAX_LENGTH = 8192;

  private static final String SCHEME = "signature";

  private HeaderParser() {}

  static Map<String, String> attributes(String header) throws SignatureHeaderException {
    if (header.length() > MAX_LENGTH) {
      throw new SignatureHeaderException(
          "header is " + header.length() + " characters long, more than " + MAX_LENGTH);
    }
    int n = header.length();
    int i = skipSpace(header, 0);
    if (header.regionMatches(true, i, SCHEME, 0, SCHEME.length())
        && (i + SCHEME.length() == n || isSpace(header.charAt(i + SCHEME.length())))) {
      i += SCHEME.length();
    }
    Map<String, String> attributes = new HashMap<>(16);
    while (true) {
      while (i < n && (isSpace(header.charAt(i)) || header.charAt(i) == ',')) {
        i++;
      }
      if (i >= n) {
        return attributes;
      }
      int nameStart = i;
      while (i < n && isTokenChar(header.charAt(i))) {
        i++;
      }
      if (i == nameStart) {
        throw new SignatureHeaderException(
            "unexpected character '" + printable(header.charAt(i)) + "' at position " + i);
      }
      String name = header.substring(nameStart, i).toLowerCase(java.util.Locale.ROOT);
      i = skipSpace(header, i);
      if (i >= n || header.charAt(i) != '=') {
        throw new SignatureHeaderException("attribute '" + name + "' has no value");
      }
      i = skipSpace(header, i + 1);
      String value;
      if (i < n && header.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new SignatureHeaderException(
                "attribute '" + name + "' has an unterminated quoted value");
          }
          char c = header.charAt(i++);
          if (c == '"') {
            break;
          }
          if (c == '\\' && i < n) {
            c = header.charAt(i++);
          }
          sb.append(c);
        }
        value = sb.toString();
      } else {
        int valueStart = i;
        while (i < n && header.charAt(i) != ',' && !isSpace(header.charAt(i))) {
          i++;
        }
        value = header.substring(valueStart, i);
      }
      if (attributes.put(name, value) != null) {
        throw new SignatureHeaderException("attribute '" + name + "' appears twice");
      }
      i = skipSpace(header, i);
      if (i < n && header.charAt(i) != ',') {
        throw new SignatureHeaderException(
            "expected ',' after attribute '" + name + "' at position " + i);
      }
    }
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.';
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
