package org.uei.p2p.bench.market;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uei.p2p.market.meter.InMemoryMeterDirectory;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.MeterInfo;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.Trade;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.trade.UnitPrice;

/**
 * A state-sized market generated one day at a time, so that a month never exists whole: half the
 * meters are PVVNL prosumers, half BRPL consumers, and the MDMS file of a day has one 15-minute
 * block per meter for all 96 blocks of the IST day, every meter for one block before the next.
 * Every prosumer sells to one consumer (the pairing rotates daily) in each of the 12 hourly slots
 * from 06:00 to 18:00 IST, across two buyer and two seller platforms; a third of the sellers inject
 * 80 % of the contract and a fifth of the buyers draw 90 %, so allocation has shortfalls to share.
 * Outside traded hours meters only draw. Deterministic: the same day gives the same bytes. With
 * {@code hourly} the file has only the traded hours, as 60-minute blocks (the shape of {@link
 * MarketMonth}).
 */
final class StateScaleMarket {
  static final String SELLER_DISCOM = "PVVNL";
  static final String BUYER_DISCOM = "BRPL";
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  static final int FIRST_TRADED_HOUR = 6;
  static final int TRADED_SLOTS = 12;

  private static final long[] QUANTITY_HUNDREDTHS = {250, 300, 425, 500};
  private static final UnitPrice[] PRICES = {
    UnitPrice.inr("5.50"), UnitPrice.inr("6.25"), UnitPrice.inr("7.00")
  };
  private static final String[] BAPS = {"bap-one.example", "bap-two.example"};
  private static final String[] BPPS = {"bpp-one.example", "bpp-two.example"};

  final int meters;
  final int half;

  /**
   * One 60-minute block per meter for each traded hour only, instead of 96 fifteen-minute blocks:
   * the shape of {@link MarketMonth}, where every block is traded.
   */
  final boolean hourly;

  final int blocksPerDay;
  private final int blockSeconds;

  final LocalDate firstDay = LocalDate.of(2026, 2, 1);
  final InMemoryMeterDirectory directory = new InMemoryMeterDirectory();
  private final MeterPoint[] sellers;
  private final MeterPoint[] buyers;
  private final byte[][] sellerIds;
  private final byte[][] buyerIds;
  private final BigDecimal[] quantities = new BigDecimal[QUANTITY_HUNDREDTHS.length];

  /** The day's CSV, reused from day to day: one day of bytes, never a month. */
  private byte[] csv;

  private int length;

  StateScaleMarket(int meters, boolean hourly) {
    this.meters = meters;
    this.hourly = hourly;
    this.blocksPerDay = hourly ? TRADED_SLOTS : 96;
    this.blockSeconds = hourly ? 3600 : 900;
    this.half = meters / 2;
    sellers = new MeterPoint[half];
    buyers = new MeterPoint[half];
    sellerIds = new byte[half][];
    buyerIds = new byte[half][];
    for (int i = 0; i < half; i++) {
      String seller = String.format("DER-%07d", i);
      String buyer = String.format("CA-%07d", i);
      directory.put(
          new MeterInfo(
              seller, SELLER_DISCOM, "ACC-S" + i, "UP", new BigDecimal("6"), new BigDecimal("3")));
      directory.put(
          new MeterInfo(
              buyer, BUYER_DISCOM, "ACC-B" + i, "DL", BigDecimal.ZERO, new BigDecimal("7")));
      sellers[i] = new MeterPoint(seller, SELLER_DISCOM);
      buyers[i] = new MeterPoint(buyer, BUYER_DISCOM);
      sellerIds[i] = seller.getBytes(StandardCharsets.US_ASCII);
      buyerIds[i] = buyer.getBytes(StandardCharsets.US_ASCII);
    }
    for (int k = 0; k < quantities.length; k++) {
      quantities[k] = BigDecimal.valueOf(QUANTITY_HUNDREDTHS[k], 2);
    }
    // a row is at most 52 bytes while meter numbers have 7 digits
    csv = new byte[(int) Math.min(Integer.MAX_VALUE - 16, rowsPerDay() * 52 + 64)];
  }

  long rowsPerDay() {
    return (long) meters * blocksPerDay;
  }

  long tradesPerDay() {
    return (long) half * TRADED_SLOTS;
  }

  Instant dayStart(int day) {
    return firstDay.plusDays(day).atStartOfDay(IST).toInstant();
  }

  /**
   * The seller that sells to buyer {@code b} on day {@code d}: seller i sells to (i + d) % half.
   */
  private int sellerOf(int b, int d) {
    return Math.floorMod(b - d, half);
  }

  private long contract(int seller, int slot) {
    return QUANTITY_HUNDREDTHS[(seller + slot) % QUANTITY_HUNDREDTHS.length];
  }

  /** The trades of day {@code d}, in slot order. */
  List<Trade> trades(int d) {
    List<Trade> out = new ArrayList<>((int) tradesPerDay());
    Instant dayStart = dayStart(d);
    for (int s = 0; s < TRADED_SLOTS; s++) {
      Instant start = dayStart.plus(Duration.ofHours(FIRST_TRADED_HOUR + s));
      DeliverySlot slot = DeliverySlot.hourStarting(start);
      for (int i = 0; i < half; i++) {
        int b = (i + d) % half;
        out.add(
            new Trade(
                "T-" + d + '-' + s + '-' + i,
                BAPS[b % 2],
                BPPS[i % 2],
                buyers[b],
                sellers[i],
                slot,
                quantities[(i + s) % quantities.length],
                PRICES[(i + d + s) % PRICES.length],
                TradeStatus.CONFIRMED,
                start.minus(Duration.ofHours(10 + i % 8))));
      }
    }
    return out;
  }

  /** Writes day {@code d}'s MDMS CSV into the day buffer; {@link #csv()} and {@link #length()}. */
  void writeDay(int d) {
    length = 0;
    put(MeterDataImporter.CSV_HEADER.getBytes(StandardCharsets.US_ASCII));
    put((byte) '\n');
    Instant first = dayStart(d).plusSeconds(hourly ? 3600L * FIRST_TRADED_HOUR : 0);
    // Wh per block from hundredths of a kWh times a percentage: a quarter of the hour or all of it
    int divisor = hourly ? 10 : 40;
    byte[] minutes = (hourly ? "60" : "15").getBytes(StandardCharsets.US_ASCII);
    for (int q = 0; q < blocksPerDay; q++) {
      byte[] stamp =
          first
              .plusSeconds((long) blockSeconds * q)
              .atZone(IST)
              .toOffsetDateTime()
              .toString()
              .getBytes(StandardCharsets.US_ASCII);
      int slot = hourly ? q : q / 4 - FIRST_TRADED_HOUR;
      boolean traded = slot >= 0 && slot < TRADED_SLOTS;
      for (int i = 0; i < half; i++) {
        // energies in Wh, written as kWh with 3 decimals
        long export = traded ? contract(i, slot) * (i % 3 == 0 ? 80 : 110) / divisor : 0;
        row(sellerIds[i], stamp, minutes, traded ? 50 : 120, export);
        long drawal =
            traded ? contract(sellerOf(i, d), slot) * (i % 5 == 0 ? 90 : 120) / divisor : 300;
        row(buyerIds[i], stamp, minutes, drawal, 0);
      }
    }
  }

  byte[] csv() {
    return csv;
  }

  int length() {
    return length;
  }

  private void row(byte[] meter, byte[] stamp, byte[] minutes, long importWh, long exportWh) {
    ensure(meter.length + stamp.length + 48);
    put(meter);
    csv[length++] = ',';
    put(stamp);
    csv[length++] = ',';
    csv[length++] = minutes[0];
    csv[length++] = minutes[1];
    csv[length++] = ',';
    kwh(importWh);
    csv[length++] = ',';
    kwh(exportWh);
    csv[length++] = '\n';
  }

  /** {@code wh} as kWh with three decimals: 687 → 0.687. */
  private void kwh(long wh) {
    long whole = wh / 1000;
    int frac = (int) (wh % 1000);
    if (whole == 0) {
      csv[length++] = '0';
    } else {
      put(Long.toString(whole).getBytes(StandardCharsets.US_ASCII));
    }
    csv[length++] = '.';
    csv[length++] = (byte) ('0' + frac / 100);
    csv[length++] = (byte) ('0' + frac / 10 % 10);
    csv[length++] = (byte) ('0' + frac % 10);
  }

  private void put(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, csv, length, b.length);
    length += b.length;
  }

  private void put(byte b) {
    ensure(1);
    csv[length++] = b;
  }

  private void ensure(int more) {
    if (length + more > csv.length) {
      csv = Arrays.copyOf(csv, Math.max(csv.length * 2, length + more));
    }
  }
}
