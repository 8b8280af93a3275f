package org.uei.p2p.market.meter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.uei.p2p.market.meter.MeterReadingStore.Outcome;
import org.uei.p2p.model.trade.MeterReading;

/**
 * The byte-level lane of CSV import: stores a pure-ASCII row that is plainly valid (known meter, a
 * block start seen before or parsed once, 15/30/60 as digits, aligned, plain non-negative decimals,
 * no conflict with the store) straight from the line's bytes, with no {@code String} per field.
 * Every other row is declined and judged on the {@code String} path by {@link MeterRowParser}, so
 * what is rejected, and the words of every rejection, come from one place. Not thread-safe: one
 * lane per import, or one lane for a run of imports into one store ({@link #startImport}).
 */
final class AsciiRowLane {
  /** What {@link #land} did: stored the row, found it stored already, or left it to the caller. */
  enum Result {
    ADDED,
    UNCHANGED,
    DECLINED
  }

  private MeterRowParser parser;
  private final MeterReadingStore store;

  /** Counts the imports this lane served, so that an unknown meter is asked about once in each. */
  private int generation;

  /** The store when it takes packed blocks, else null. */
  private final InMemoryMeterReadingStore memory;

  private final AsciiKeyCache<Meter> meterIds = new AsciiKeyCache<>(1 << 20);
  private final AsciiKeyCache<MeterRowParser.Stamp> stamps = new AsciiKeyCache<>(4096);

  /** Start and end of each of the five fields of the current row. */
  private final int[] field = new int[10];

  private final int[] scale = new int[1];

  /**
   * The block start of the previous row and its text: MDMS files list every meter for one block.
   */
  private byte[] lastStampText = new byte[0];

  private MeterRowParser.Stamp lastStamp;

  /**
   * A meter id met in this import, whether the directory knows it, and its store ordinal once a
   * block of it is put. Ids of up to 16 bytes are also held in two longs, so that recognising the
   * meter of a row reads this one object and not a separate key array.
   */
  private static final class Meter {
    final String id;
    boolean known;

    /** The import in which {@link #known} was last asked, for a meter not known then. */
    int askedIn;

    final byte[] key;
    final long head;
    final long tail;
    int ordinal = -1;

    /** The meter of the row that followed a row of this meter last time. */
    Meter next;

    Meter(String id, boolean known, byte[] key) {
      this.id = id;
      this.known = known;
      this.key = key;
      this.head = word(key, 0, Math.min(key.length, 8));
      this.tail = key.length > 8 ? word(key, 8, Math.min(key.length, 16) - 8) : 0;
    }

    boolean matches(byte[] b, int from, int to) {
      int length = to - from;
      if (length != key.length) {
        return false;
      }
      if (length > 16) {
        return Arrays.equals(key, 0, length, b, from, to);
      }
      return word(b, from, Math.min(length, 8)) == head
          && (length <= 8 || word(b, from + 8, length - 8) == tail);
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The {@code n <= 8} bytes at {@code b[at]} as a little-endian long. */
  private static long word(byte[] b, int at, int n) {
    if (at + 8 <= b.length) {
      long w = (long) LONGS.get(b, at);
      return n == 8 ? w : w & ((1L << (8 * n)) - 1);
    }
    long w = 0;
    for (int i = n - 1; i >= 0; i--) {
      w = (w << 8) | (b[at + i] & 0xFF);
    }
    return w;
  }

  /** The meter of the previous row: MDMS files list meters in the same order block after block. */
  private Meter previous;

  AsciiRowLane(MeterRowParser parser, MeterReadingStore store) {
    this.parser = parser;
    this.store = store;
    this.memory = store instanceof InMemoryMeterReadingStore m ? m : null;
  }

  /**
   * Serves the next import into the same store with that import's {@code parser}. Meters, their
   * store ordinals and parsed block starts are kept: a day-by-day run meets the same meters every
   * day. A meter the directory did not know is asked about again, through the new parser.
   */
  void startImport(MeterRowParser next) {
    parser = next;
    generation++;
    previous = null;
    lastStamp = null;
    lastStampText = new byte[0];
  }

  /** Lands the current line of {@code line}, which must be ASCII and not blank, or declines it. */
  Result land(CsvLines line) {
    if (line.commas() != 4) {
      return Result.DECLINED;
    }
    byte[] b = line.bytes();
    for (int f = 0, from = line.start(); f < 5; f++) {
      int to = f < 4 ? line.comma(f) : line.end();
      int s = from;
      int e = to;
      while (s < e && isSpace(b[s])) {
        s++;
      }
      while (e > s && isSpace(b[e - 1])) {
        e--;
      }
      field[2 * f] = s;
      field[2 * f + 1] = e;
      from = to + 1;
    }
    Meter meter = previous == null ? null : previous.next;
    if (meter == null || !meter.matches(b, field[0], field[1])) {
      meter = meter(b, field[0], field[1]);
      if (previous != null) {
        previous.next = meter;
      }
    }
    previous = meter;
    if (meter != null && !meter.known && meter.askedIn != generation) {
      meter.known = parser.isKnown(meter.id);
      meter.askedIn = generation;
    }
    MeterRowParser.Stamp stamp = stamp(b, field[2], field[3]);
    int minutes = minutes(b, field[4], field[5]);
    if (meter == null
        || !meter.known
        || stamp == null
        || minutes < 0
        || stamp.secondOfDay() % (minutes * 60) != 0) {
      return Result.DECLINED;
    }
    long in = Decimals.parsePlain(b, field[6], field[7], scale);
    int inScale = scale[0];
    long out = in < 0 ? -1 : Decimals.parsePlain(b, field[8], field[9], scale);
    if (out < 0) {
      return Result.DECLINED;
    }
    Outcome outcome;
    if (memory != null) {
      if (meter.ordinal < 0) {
        meter.ordinal = memory.ordinal(meter.id);
      }
      outcome =
          memory.put(
              meter.ordinal, stamp.instant().getEpochSecond(), minutes, in, inScale, out, scale[0]);
    } else {
      outcome =
          store
              .put(
                  new MeterReading(
                      meter.id,
                      stamp.instant(),
                      minutes,
                      BigDecimal.valueOf(in, inScale),
                      BigDecimal.valueOf(out, scale[0])))
              .outcome();
    }
    return switch (outcome) {
      case ADDED -> Result.ADDED;
      case UNCHANGED -> Result.UNCHANGED;
      default -> Result.DECLINED;
    };
  }

  private Meter meter(byte[] b, int from, int to) {
    if (from == to) {
      return null;
    }
    Meter meter = meterIds.get(b, from, to);
    if (meter == null) {
      byte[] key = Arrays.copyOfRange(b, from, to);
      String id = new String(key, StandardCharsets.ISO_8859_1);
      meter = new Meter(id, parser.isKnown(id), key);
      meter.askedIn = generation;
      meterIds.put(b, from, to, meter);
    }
    return meter;
  }

  private MeterRowParser.Stamp stamp(byte[] b, int from, int to) {
    if (lastStamp != null && Arrays.equals(lastStampText, 0, lastStampText.length, b, from, to)) {
      return lastStamp;
    }
    MeterRowParser.Stamp stamp = stamps.get(b, from, to);
    if (stamp == null) {
      stamp = parser.timestamp(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
      if (stamp != null) {
        stamps.put(b, from, to, stamp);
      }
    }
    if (stamp != null) {
      lastStampText = Arrays.copyOfRange(b, from, to);
      lastStamp = stamp;
    }
    return stamp;
  }

  /**
   * 15, 30 or 60 written as ASCII digits (leading zeros allowed, as {@code Integer.parseInt} does),
   * else -1.
   */
  private static int minutes(byte[] b, int from, int to) {
    if (to - from > 9 || from == to) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v == 15 || v == 30 || v == 60 ? v : -1;
  }

  /**
   * Whether every byte of {@code b[from, to)} is white space as {@link String#isBlank()} sees it.
   */
  static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@link Character#isWhitespace} for an ASCII byte: what {@link String#strip()} removes. */
  private static boolean isSpace(byte c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
  }
}
