package org.uei.p2p.market.meter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a UTF-8 byte stream, cut where {@link java.io.BufferedReader#readLine()} cuts them
 * ({@code \n}, {@code \r} or {@code \r\n}; a last line without terminator counts, no empty line
 * after a final terminator), without making a {@code String} per line. While scanning a line it
 * notes where its first commas are and whether it is pure ASCII, so that a row parser can read its
 * fields in place.
 */
final class CsvLines {
  /** Commas remembered per line: a row has four, one more tells a row with too many fields. */
  static final int MAX_COMMAS = 5;

  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;

  /** The previous line ended with {@code \r}: a {@code \n} right after it belongs to that line. */
  private boolean skipLf;

  private int start;
  private int end;
  private boolean ascii;
  private int commas;
  private final int[] comma = new int[MAX_COMMAS];

  CsvLines(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    int i = pos;
    int found = 0;
    boolean nonAscii = false;
    while (true) {
      if (i == limit) {
        int shift = compact();
        i -= shift;
        for (int k = 0; k < Math.min(found, MAX_COMMAS); k++) {
          comma[k] -= shift;
        }
        if (!read()) {
          return pos < limit && line(limit, limit, nonAscii, found);
        }
        continue;
      }
      byte b = buf[i];
      if (skipLf) {
        skipLf = false;
        if (b == '\n') {
          pos = ++i;
          continue;
        }
      }
      if (b > ',') {
        i++;
        continue;
      }
      if (b == ',') {
        if (found < MAX_COMMAS) {
          comma[found] = i;
        }
        found++;
      } else if (b == '\n') {
        return line(i, i + 1, nonAscii, found);
      } else if (b == '\r') {
        skipLf = true;
        return line(i, i + 1, nonAscii, found);
      } else if (b < 0) {
        nonAscii = true;
      }
      i++;
    }
  }

  /** The line is {@code [pos, to)}; reading goes on at {@code next}. */
  private boolean line(int to, int next, boolean nonAscii, int found) {
    start = pos;
    end = to;
    pos = next;
    ascii = !nonAscii;
    commas = found;
    return true;
  }

  /** Moves the unread bytes to the front, growing the buffer if they fill it; returns the shift. */
  private int compact() {
    int shift = pos;
    int pending = limit - pos;
    if (pending == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    } else if (shift > 0) {
      System.arraycopy(buf, shift, buf, 0, pending);
    }
    pos = 0;
    limit = pending;
    return shift;
  }

  private boolean read() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  byte[] bytes() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** Whether the line has no byte above 0x7F. */
  boolean ascii() {
    return ascii;
  }

  /** Commas in the line (counted past {@link #MAX_COMMAS}, positions only up to it). */
  int commas() {
    return commas;
  }

  /** Position of the {@code k}-th comma, {@code k < min(commas(), MAX_COMMAS)}. */
  int comma(int k) {
    return comma[k];
  }

  /**
   * The line decoded as UTF-8; malformed bytes become U+FFFD, as with an {@code InputStreamReader}.
   */
  String text() {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }
}
