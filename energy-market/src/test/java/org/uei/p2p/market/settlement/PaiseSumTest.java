package org.uei.p2p.market.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The netting's running sum is the {@code BigDecimal} sum from zero, value and scale. */
class PaiseSumTest {

  @Test
  void nothingAddedIsZeroAtScaleZero() {
    assertEquals(BigDecimal.ZERO, new PaiseSum().total());
  }

  /** Mostly paise, some of other scales or too many digits, either sign, checked as it goes. */
  @Test
  void sumIsTheBigDecimalSumOnRandomAmounts() {
    Random random = new Random(7);
    for (int run = 0; run < 200; run++) {
      PaiseSum sum = new PaiseSum();
      BigDecimal expected = BigDecimal.ZERO;
      int n = random.nextInt(2_000);
      for (int i = 0; i < n; i++) {
        int digits = 1 + random.nextInt(random.nextInt(4) == 0 ? 20 : 9);
        BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        if (random.nextInt(10) == 0) {
          unscaled = unscaled.negate();
        }
        int scale = random.nextInt(5) == 0 ? random.nextInt(8) - 2 : 2;
        BigDecimal amount = new BigDecimal(unscaled, scale);
        sum.add(amount);
        expected = expected.add(amount);
        assertEquals(expected, sum.total(), () -> "after adding " + amount);
      }
    }
  }

  /** Enough of the largest paise amounts to overflow a long, one way and then the other. */
  @Test
  void overflowingTheLongKeepsTheSumExact() {
    BigDecimal big = new BigDecimal("9999999999999.99");
    PaiseSum sum = new PaiseSum();
    BigDecimal expected = BigDecimal.ZERO;
    for (int i = 0; i < 30_000; i++) {
      BigDecimal amount = i < 20_000 ? big : big.negate();
      sum.add(amount);
      expected = expected.add(amount);
    }
    assertEquals(expected, sum.total());
    assertEquals(new BigDecimal("99999999999999900.00"), sum.total());
  }
}
