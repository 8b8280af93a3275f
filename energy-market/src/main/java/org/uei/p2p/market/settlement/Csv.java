package org.uei.p2p.market.settlement;

/** CSV field quoting (RFC 4180), shared by the statement and billing writers. */
public final class Csv {
  private Csv() {}

  /** {@code value} as a CSV field: quoted when it holds a comma, quote or line break. */
  public static String field(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
    }
    return value;
  }
}
