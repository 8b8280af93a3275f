package org.uei.p2p.market.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The first slot tests, demos and the kit may trade: after gate closure plus an hour, in delivery
 * hours.
 */
class FirstTradableSlotTest {

  private static final TradingRules IES = TradingRules.ies();

  private static Instant ist(String local) {
    return ZonedDateTime.parse(local + "+05:30[Asia/Kolkata]").toInstant();
  }

  @Test
  void aMorningAskGetsTheSlotFiveToSixHoursAhead() {
    assertEquals(ist("2026-12-03T13:00"), IES.firstTradableSlot(ist("2026-12-03T07:20")));
    assertEquals(ist("2026-12-03T13:00"), IES.firstTradableSlot(ist("2026-12-03T07:00")));
  }

  @Test
  void anAfternoonAskGetsTomorrowsFirstSlot() {
    assertEquals(ist("2026-12-04T06:00"), IES.firstTradableSlot(ist("2026-12-03T12:10")));
    assertEquals(ist("2026-12-04T06:00"), IES.firstTradableSlot(ist("2026-12-03T23:59")));
  }

  @Test
  void theLastSlotOfTheDayEndsAtSix() {
    assertEquals(ist("2026-12-03T17:00"), IES.firstTradableSlot(ist("2026-12-03T11:00")));
  }
}
