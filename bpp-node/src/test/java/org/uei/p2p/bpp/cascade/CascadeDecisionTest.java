package org.uei.p2p.bpp.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.bpp.cascade.CascadeDecision.Leg;
import org.uei.p2p.bpp.cascade.CascadeDecision.Outcome;

/** Every leg outcome of a cascade, decided without a database or a network. */
class CascadeDecisionTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(15);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private static Leg leg(String discom, LegState state, String detail, boolean recorded) {
    return new Leg(
        "m-" + discom, discom, "utility." + discom.toLowerCase(), state, detail, recorded);
  }

  private static CascadeDecision decide(boolean confirm, Instant now, Leg... legs) {
    return CascadeDecision.decide(
        CascadeState.PENDING, confirm, List.of(legs), now, LATER, TIMEOUT);
  }

  @Test
  void everyUtilityAcceptingAnswersTheBuyer() {
    CascadeDecision d =
        decide(
            true,
            NOW,
            leg("PVVNL", LegState.OK, null, true),
            leg("TPDDL", LegState.OK, null, true));
    assertEquals(Outcome.ANSWER, d.outcome());
    assertNull(d.error());
    assertTrue(d.legsToCancel().isEmpty());
  }

  @Test
  void aLegStillOutBeforeTheDeadlineWaits() {
    assertEquals(
        Outcome.WAIT,
        decide(
                true,
                NOW,
                leg("PVVNL", LegState.OK, null, true),
                leg("TPDDL", LegState.SENT, null, false))
            .outcome());
  }

  @Test
  void aRefusalRefusesTheBuyerNamingTheDiscomAndCancelsWhatOthersRecorded() {
    CascadeDecision d =
        decide(
            true,
            NOW,
            leg("PVVNL", LegState.OK, null, true),
            leg("TPDDL", LegState.REFUSED, "BUYER_CAP", false));
    assertEquals(Outcome.REFUSE, d.outcome());
    assertEquals("DISCOM TPDDL (utility utility.tpddl) refused: BUYER_CAP", d.error());
    assertEquals(List.of("m-PVVNL"), d.legsToCancel());
  }

  @Test
  void aRefusedInitCancelsNothing() {
    CascadeDecision d =
        decide(
            false,
            NOW,
            leg("PVVNL", LegState.OK, null, false),
            leg("TPDDL", LegState.REFUSED, "BUYER_CAP", false));
    assertEquals(Outcome.REFUSE, d.outcome());
    assertTrue(d.legsToCancel().isEmpty());
  }

  @Test
  void aUtilityThatDoesNotAnswerByTheDeadlineRefusesTheBuyer() {
    CascadeDecision d =
        decide(
            true,
            LATER,
            leg("PVVNL", LegState.OK, null, true),
            leg("TPDDL", LegState.SENT, null, false));
    assertEquals(Outcome.REFUSE, d.outcome());
    assertEquals("DISCOM TPDDL (utility utility.tpddl) did not answer within PT15S", d.error());
    assertEquals(List.of("m-PVVNL"), d.legsToCancel());
  }

  @Test
  void anUnreachableUtilityRefusesAtOnceWithoutWaiting() {
    CascadeDecision d =
        decide(false, NOW, leg("TPDDL", LegState.FAILED, "no registry record: x", false));
    assertEquals(Outcome.REFUSE, d.outcome());
    assertTrue(d.error().contains("could not be reached: no registry record: x"), d.error());
  }

  @Test
  void aCascadeAnsweredBeforeIsNotAnsweredAgain() {
    for (CascadeState s : List.of(CascadeState.ANSWERED, CascadeState.REFUSED)) {
      assertEquals(
          Outcome.DONE,
          CascadeDecision.decide(
                  s, true, List.of(leg("PVVNL", LegState.OK, null, true)), NOW, LATER, TIMEOUT)
              .outcome());
    }
  }

  @Test
  void aDuplicateAnswerChangesNothingAndAFirstAnswerSetsTheLeg() {
    assertEquals(LegState.OK, CascadeDecision.answered(LegState.SENT, false));
    assertEquals(LegState.REFUSED, CascadeDecision.answered(LegState.SENT, true));
    for (LegState done :
        List.of(LegState.OK, LegState.REFUSED, LegState.FAILED, LegState.CANCELLED)) {
      assertNull(CascadeDecision.answered(done, false), done + " takes no second answer");
    }
  }

  @Test
  void aLateConfirmOfARefusedCascadeIsCancelledAndNothingElseIs() {
    assertTrue(CascadeDecision.cancelLate(CascadeState.REFUSED, true, LegState.OK, true));
    assertFalse(
        CascadeDecision.cancelLate(CascadeState.REFUSED, false, LegState.OK, true),
        "an init records nothing");
    assertFalse(
        CascadeDecision.cancelLate(CascadeState.ANSWERED, true, LegState.OK, true),
        "the buyer got it");
    assertFalse(
        CascadeDecision.cancelLate(CascadeState.REFUSED, true, LegState.CANCELLED, true),
        "cancelled once");
    assertFalse(
        CascadeDecision.cancelLate(CascadeState.REFUSED, true, LegState.REFUSED, false),
        "nothing recorded");
  }
}
