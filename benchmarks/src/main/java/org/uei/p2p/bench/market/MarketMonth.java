package org.uei.p2p.bench.market;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * A synthetic month of an inter-DISCOM market: half the meters are PVVNL prosumers, half BRPL
 * consumers; every prosumer sells to one consumer in every slot of every day (the pairing rotates
 * daily), across two seller and two buyer platforms. Meter data is one 60-minute block per meter
 * and slot, with values chosen so that some sellers under-inject, some buyers under-draw, and the
 * allocation has real shortfalls to share. Deterministic: the same parameters give the same file.
 */
final class MarketMonth {
  static final String SELLER_DISCOM = "PVVNL";
  static final String BUYER_DISCOM = "BRPL";
  static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);

  final int meters;
  final int days;
  final int slotsPerDay = 12;
  final LocalDate firstDay = LocalDate.of(2026, 2, 1);
  final InMemoryMeterDirectory directory = new InMemoryMeterDirectory();
  final List<Trade> trades = new ArrayList<>();
  Path csv;

  MarketMonth(int meters, int days) {
    this.meters = meters;
    this.days = days;
  }

  long readings() {
    return (long) meters * slotsPerDay * days;
  }

  String sellerId(int i) {
    return String.format("DER-%06d", i);
  }

  String buyerId(int i) {
    return String.format("CA-%06d", i);
  }

  /** Builds the directory and trades and writes the MDMS CSV into a temp file. */
  MarketMonth generate() throws IOException {
    int half = meters / 2;
    MeterPoint[] sellers = new MeterPoint[half];
    MeterPoint[] buyers = new MeterPoint[half];
    for (int i = 0; i < half; i++) {
      directory.put(
          new MeterInfo(
              sellerId(i),
              SELLER_DISCOM,
              "ACC-S" + i,
              "UP",
              new BigDecimal("6"),
              new BigDecimal("3")));
      directory.put(
          new MeterInfo(
              buyerId(i), BUYER_DISCOM, "ACC-B" + i, "DL", BigDecimal.ZERO, new BigDecimal("7")));
      sellers[i] = new MeterPoint(sellerId(i), SELLER_DISCOM);
      buyers[i] = new MeterPoint(buyerId(i), BUYER_DISCOM);
    }
    BigDecimal[] quantities = {
      new BigDecimal("2.50"), new BigDecimal("3.00"), new BigDecimal("4.25"), new BigDecimal("5.00")
    };
    UnitPrice[] prices = {UnitPrice.inr("5.50"), UnitPrice.inr("6.25"), UnitPrice.inr("7.00")};
    String[] baps = {"bap-one.example", "bap-two.example"};
    String[] bpps = {"bpp-one.example", "bpp-two.example"};
    csv = Files.createTempFile("mdms-month-", ".csv");
    csv.toFile().deleteOnExit();
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(MeterDataImporter.CSV_HEADER);
      w.write('\n');
      for (int d = 0; d < days; d++) {
        LocalDate day = firstDay.plusDays(d);
        for (int s = 0; s < slotsPerDay; s++) {
          OffsetDateTime local = day.atTime(6 + s, 0).atOffset(IST);
          Instant start = local.toInstant();
          DeliverySlot slot = DeliverySlot.hourStarting(start);
          String stamp = local.toString();
          for (int i = 0; i < half; i++) {
            int b = (i + d) % half;
            BigDecimal q = quantities[(i + s) % quantities.length];
            trades.add(
                new Trade(
                    "T-" + d + '-' + s + '-' + i,
                    baps[b % 2],
                    bpps[i % 2],
                    buyers[b],
                    sellers[i],
                    slot,
                    q,
                    prices[(i + d + s) % prices.length],
                    TradeStatus.CONFIRMED,
                    start.minus(Duration.ofHours(10 + i % 8))));
            // seller: every 3rd injects 80 % of the contract, the rest 110 %
            BigDecimal export =
                q.multiply(i % 3 == 0 ? new BigDecimal("0.8") : new BigDecimal("1.1"));
            row(w, sellerId(i), stamp, new BigDecimal("0.05"), export);
            // buyer (this is its only trade in the slot): every 5th draws 90 % of it, the rest 120
            // %
            BigDecimal drawal =
                q.multiply(b % 5 == 0 ? new BigDecimal("0.9") : new BigDecimal("1.2"));
            row(w, buyerId(b), stamp, drawal, BigDecimal.ZERO);
          }
        }
      }
    }
    return this;
  }

  private static void row(
      BufferedWriter w, String meter, String stamp, BigDecimal in, BigDecimal out)
      throws IOException {
    w.write(meter);
    w.write(',');
    w.write(stamp);
    w.write(",60,");
    w.write(in.toPlainString());
    w.write(',');
    w.write(out.toPlainString());
    w.write('\n');
  }
}
