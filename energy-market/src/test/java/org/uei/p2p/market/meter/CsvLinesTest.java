package org.uei.p2p.market.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvLinesTest {

  /** A stream handing out at most {@code chunk} bytes per read, so lines straddle every refill. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static List<String> viaReader(String text) throws IOException {
    BufferedReader in = new BufferedReader(new StringReader(text));
    List<String> out = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      out.add(line);
    }
    return out;
  }

  private static List<String> viaBytes(byte[] bytes, int chunk) throws IOException {
    CsvLines lines = new CsvLines(trickle(bytes, chunk));
    List<String> out = new ArrayList<>();
    while (lines.next()) {
      String text = lines.text();
      out.add(text);
      List<Integer> commas = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == ',') {
          commas.add(i);
        }
      }
      assertEquals(commas.size(), lines.commas(), text);
      for (int k = 0; k < Math.min(commas.size(), CsvLines.MAX_COMMAS); k++) {
        // ASCII lines only: there a char index is a byte offset
        if (lines.ascii()) {
          assertEquals(commas.get(k), lines.comma(k) - lines.start(), text);
        }
      }
      assertEquals(text.chars().allMatch(c -> c < 0x80), lines.ascii(), text);
    }
    return out;
  }

  @Test
  void cutsLinesWhereReadLineCutsThem() throws IOException {
    for (String text :
        List.of(
            "",
            "a",
            "a\n",
            "a\r",
            "a\r\n",
            "\n",
            "\r\n",
            "\r\r\n\n",
            "a,b\rc,d\r\ne,f\n\n",
            "x\n\r\n\ry",
            "é,ü\r\n€,1\n",
            "no newline at end,1,2,3,4")) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      for (int chunk : new int[] {1, 2, 3, 64, 1 << 20}) {
        assertEquals(
            viaReader(text),
            viaBytes(bytes, chunk),
            "chunk " + chunk + " of " + text.replace("\r", "\\r"));
      }
    }
  }

  @Test
  void linesLongerThanTheBufferGrowIt() throws IOException {
    String longLine = "m," + "9".repeat(200_000) + ",x";
    String text = "h\n" + longLine + "\r\nafter\n";
    assertEquals(viaReader(text), viaBytes(text.getBytes(StandardCharsets.UTF_8), 4096));
  }

  @Test
  void randomTextsSplitLikeReadLine() throws IOException {
    Random random = new Random(7);
    String alphabet = "ab,,,\r\n\n 9.é";
    for (int round = 0; round < 2_000; round++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertEquals(
          viaReader(text), viaBytes(bytes, 1 + random.nextInt(7)), text.replace("\r", "\\r"));
    }
  }

  @Test
  void malformedUtf8ReadsAsReplacementLikeAnInputStreamReader() throws IOException {
    byte[] bytes = {'a', (byte) 0xC3, '\n', (byte) 0xFF, 'b', (byte) 0xE2, (byte) 0x82, '\r', 'c'};
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    List<String> expected = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      expected.add(line);
    }
    assertEquals(expected, viaBytes(bytes, 3));
  }
}
