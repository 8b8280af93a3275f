package org.uei.p2p.conformance.report;

/** Escaping for HTML and XML text and attributes. */
final class Html {

  private Html() {}

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // Control characters other than tab and newline are not allowed in XML 1.0.
          if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
            b.append('?');
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }
}
