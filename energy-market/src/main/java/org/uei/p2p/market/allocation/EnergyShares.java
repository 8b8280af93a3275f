package org.uei.p2p.market.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a quantity of energy into kWh shares with two decimals without creating energy: the shares
 * never add up to more than the quantity split. Pro-rata uses the largest-remainder method (floor
 * every share to 0.01 kWh, then hand the leftover hundredths to the shares that lost most to the
 * floor, earlier shares first on ties), so 7 kWh over 5 + 4 gives 3.89 + 3.11.
 */
final class EnergyShares {
  /** Energy precision: 0.01 kWh, the smallest quantity a trade may carry. */
  static final int SCALE = 2;

  private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");

  private EnergyShares() {}

  /** {@code kwh} rounded down to 0.01 kWh, so that rounding never adds energy. */
  static BigDecimal floor(BigDecimal kwh) {
    return kwh.setScale(SCALE, RoundingMode.FLOOR);
  }

  /**
   * Shares of {@code pool} proportional to {@code weights}, each at most its weight, summing to
   * {@code floor(pool)} when the pool is below the total weight.
   */
  static List<BigDecimal> proRata(List<BigDecimal> weights, BigDecimal pool) {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal w : weights) {
      total = total.add(w);
    }
    int n = weights.size();
    List<BigDecimal> shares = new ArrayList<>(n);
    if (total.signum() == 0 || pool.compareTo(total) >= 0) {
      weights.forEach(
          w -> shares.add(w.setScale(Math.max(SCALE, w.scale()), RoundingMode.UNNECESSARY)));
      return shares;
    }
    BigDecimal target = floor(pool.max(BigDecimal.ZERO));
    if (n == 1) {
      shares.add(target);
      return shares;
    }
    BigDecimal[] remainders = new BigDecimal[n];
    BigDecimal assigned = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      BigDecimal exact = weights.get(i).multiply(target).divide(total, MathContext.DECIMAL128);
      BigDecimal floored = floor(exact);
      shares.add(floored);
      remainders[i] = exact.subtract(floored);
      assigned = assigned.add(floored);
    }
    int leftover = target.subtract(assigned).movePointRight(SCALE).intValueExact();
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
    for (int k = 0; k < n && leftover > 0; k++) {
      int i = order.get(k);
      BigDecimal bumped = shares.get(i).add(HUNDREDTH);
      if (bumped.compareTo(weights.get(i)) <= 0) {
        shares.set(i, bumped);
        leftover--;
      }
    }
    return shares;
  }

  /** {@code proRata(List.of(weight), pool).get(0)}, without the lists. */
  static BigDecimal proRataOne(BigDecimal weight, BigDecimal pool) {
    if (weight.signum() == 0 || pool.compareTo(weight) >= 0) {
      return weight.setScale(Math.max(SCALE, weight.scale()), RoundingMode.UNNECESSARY);
    }
    return floor(pool.max(BigDecimal.ZERO));
  }

  /** {@code fifo(List.of(weight), pool).get(0)}, without the lists. */
  static BigDecimal fifoOne(BigDecimal weight, BigDecimal pool) {
    BigDecimal take = weight.min(floor(pool.max(BigDecimal.ZERO)));
    return take.setScale(Math.max(SCALE, take.scale()), RoundingMode.UNNECESSARY);
  }

  /** Shares of {@code pool} filling {@code weights} in list order. */
  static List<BigDecimal> fifo(List<BigDecimal> weights, BigDecimal pool) {
    BigDecimal left = floor(pool.max(BigDecimal.ZERO));
    List<BigDecimal> shares = new ArrayList<>(weights.size());
    for (BigDecimal w : weights) {
      BigDecimal take = w.min(left);
      shares.add(take.setScale(Math.max(SCALE, take.scale()), RoundingMode.UNNECESSARY));
      left = left.subtract(take);
    }
    return shares;
  }
}
