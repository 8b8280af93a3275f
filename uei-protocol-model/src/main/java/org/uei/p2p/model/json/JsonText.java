package org.uei.p2p.model.json;

/**
 * RFC 8259 §8.1 for bodies on the wire: JSON exchanged between systems is UTF-8, without a byte
 * order mark. Jackson on its own guesses UTF-16 and UTF-32 from the first bytes and decodes some
 * malformed UTF-8 leniently; a signed body must have exactly one reading, so anything else is
 * refused before it is parsed.
 */
public final class JsonText {

  private JsonText() {}

  /**
   * Why {@code bytes[offset, offset + length)} is not UTF-8 JSON text, or {@code null} when it is.
   * Refused: a byte order mark, NUL bytes (UTF-16 or UTF-32 text, or a raw NUL that JSON never
   * allows), malformed or overlong UTF-8 sequences, encoded surrogates and code points above
   * U+10FFFF.
   */
  public static String problem(byte[] bytes, int offset, int length) {
    int end = offset + length;
    if (length >= 3
        && (bytes[offset] & 0xFF) == 0xEF
        && (bytes[offset + 1] & 0xFF) == 0xBB
        && (bytes[offset + 2] & 0xFF) == 0xBF) {
      return "the body starts with a byte order mark; send UTF-8 without one";
    }
    if (length >= 2 && ((bytes[offset] & 0xFF) == 0xFE || (bytes[offset] & 0xFF) == 0xFF)) {
      return "the body starts with a UTF-16 or UTF-32 byte order mark; send UTF-8";
    }
    int i = offset;
    while (i < end) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        if (b == 0) {
          return "the body contains a NUL byte at offset "
              + (i - offset)
              + " (UTF-16 or UTF-32 text?); send UTF-8";
        }
        i++;
        continue;
      }
      int need;
      int min;
      int max = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (b == 0xE0) {
        need = 2;
        min = 0xA0; // below: overlong
      } else if (b == 0xED) {
        need = 2;
        min = 0x80;
        max = 0x9F; // above: a UTF-16 surrogate
      } else if (b >= 0xE1 && b <= 0xEF) {
        need = 2;
        min = 0x80;
      } else if (b == 0xF0) {
        need = 3;
        min = 0x90; // below: overlong
      } else if (b >= 0xF1 && b <= 0xF3) {
        need = 3;
        min = 0x80;
      } else if (b == 0xF4) {
        need = 3;
        min = 0x80;
        max = 0x8F; // above: beyond U+10FFFF
      } else {
        return invalid(i - offset, b);
      }
      if (i + need >= end) {
        return "the body ends inside a UTF-8 sequence at offset " + (i - offset);
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < min || second > max) {
        return invalid(i - offset, b);
      }
      for (int k = 2; k <= need; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return invalid(i - offset, b);
        }
      }
      i += need + 1;
    }
    return null;
  }

  private static String invalid(int at, int b) {
    return String.format(
        "the body is not valid UTF-8 at offset %d (byte 0x%02X: an overlong, surrogate,"
            + " out-of-range or broken sequence)",
        at, b);
  }
}
