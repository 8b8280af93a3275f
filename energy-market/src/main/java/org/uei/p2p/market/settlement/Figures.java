package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How figures are written for people and in files: energy always with {@link #KWH_SCALE} decimals
 * (trades are in 0.01 kWh, so nothing is lost and a column lines up), money always to the paisa,
 * rates as configured, and times in IST for people (UTC ISO-8601 stays on the wire).
 */
public final class Figures {
  /** Decimals of every kWh figure in one output: the trade and allocation precision. */
  public static final int KWH_SCALE = 2;

  /** The network's zone, in which people read times. */
  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  private static final DateTimeFormatter IST_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'IST'");

  private Figures() {}

  /** {@code kwh} with {@link #KWH_SCALE} decimals: {@code 4 → "4.00"}, {@code 3.2 → "3.20"}. */
  public static String kwh(BigDecimal kwh) {
    return kwh.setScale(KWH_SCALE, RoundingMode.HALF_UP).toPlainString();
  }

  /** An amount with its paisa: {@code 20.8 → "20.80"}. */
  public static String money(BigDecimal amount) {
    return MoneyRounding.toPaisa(amount).toPlainString();
  }

  /** An INR amount for people: {@code "₹20.80"}. */
  public static String inr(BigDecimal amount) {
    return "₹" + money(amount);
  }

  /**
   * A rate as configured, without an exponent: {@code 0.21} stays {@code 0.21}, {@code 6.50} stays
   * {@code 6.50}.
   */
  public static String rate(BigDecimal rate) {
    return rate.toPlainString();
  }

  /** {@code t} as people in the network read it: {@code 2026-11-27 08:00 IST}. */
  public static String ist(Instant t) {
    return IST_TIME.format(t.atZone(IST));
  }
}
