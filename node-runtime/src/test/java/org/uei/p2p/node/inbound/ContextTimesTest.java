package org.uei.p2p.node.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Context;

/** The rules of {@link ContextTimes} at their edges, with a fixed "now". */
class ContextTimesTest {

  private static final Instant NOW = Instant.parse("2026-02-11T05:00:00Z");
  private static final ContextTimes TIMES =
      new ContextTimes(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(1));

  @Test
  void durationsWithCalendarUnitsAreMeasuredFromTheTimestamp() {
    Instant from = Instant.parse("2026-02-01T00:00:00Z");
    assertEquals(Duration.ofDays(28), ContextTimes.length("P1M", from));
    assertEquals(Duration.ofDays(7).plusHours(1), ContextTimes.length("P1WT1H", from));
    assertEquals(Duration.ofSeconds(30), ContextTimes.length("PT30S", from));
    assertEquals(Duration.ZERO, ContextTimes.length("P0D", from));
    assertNull(ContextTimes.length("PT99999999999999999999S", from), "beyond any Duration");
    assertNull(ContextTimes.length("P999999999999Y", from), "beyond the calendar");
  }

  @Test
  void absurdTimesAreRefusedAtTheirPath() {
    assertEquals(List.of("context.timestamp"), request("1970-01-01T00:00:00Z", "PT30S"));
    assertEquals(List.of("context.timestamp"), request("9999-12-31T00:00:00Z", "PT30S"));
    assertEquals(List.of("context.timestamp"), request("2026-02-11T05:05:01Z", "PT30S"));
    assertEquals(List.of("context.ttl"), request("2026-02-11T05:00:00Z", "PT0S"));
    assertEquals(List.of("context.ttl"), request("2026-02-11T05:00:00Z", "-PT1S"));
    assertEquals(List.of("context.ttl"), request("2026-02-11T05:00:00Z", "P9999Y"));
    assertEquals(List.of("context.ttl"), request("2026-02-11T05:00:00Z", "PT24H0.001S"));
    assertEquals(
        List.of("context.ttl", "context.timestamp"), request("9999-12-31T00:00:00Z", "P0D"));
    assertEquals(
        List.of("context.timestamp"), request("2026-02-11T04:54:29Z", null), "default ttl PT30S");
  }

  @Test
  void plausibleTimesPassWithinTheSkew() {
    assertEquals(List.of(), request("2026-02-11T05:05:00Z", "PT30S"));
    assertEquals(List.of(), request("2026-02-11T04:54:30Z", "PT30S"));
    assertEquals(List.of(), request("2026-02-10T05:00:00Z", "PT24H"));
    assertEquals(List.of(), request("2026-02-11t05:00:00z", "PT30S"), "lower-case RFC 3339");
    assertEquals(List.of(), request("2026-02-11T05:00:00Z", null));
  }

  @Test
  void callbacksAreBoundByTheMaxCallbackAgeOrTheirTtlNotByTheTtlAlone() {
    assertEquals(List.of(), callback("2026-02-11T03:55:00Z", "PT30S"));
    assertEquals(List.of("context.timestamp"), callback("2026-02-11T03:54:59Z", "PT30S"));
    assertEquals(List.of(), callback("2026-02-10T05:00:00Z", "PT24H"));
    assertEquals(List.of("context.timestamp"), callback("2026-02-11T05:05:01Z", "PT30S"));
  }

  private static List<String> request(String timestamp, String ttl) {
    return check(Action.SELECT, timestamp, ttl);
  }

  private static List<String> callback(String timestamp, String ttl) {
    return check(Action.ON_SELECT, timestamp, ttl);
  }

  /** The paths of the problems found. */
  private static List<String> check(Action action, String timestamp, String ttl) {
    Context c = new Context();
    c.setAction(action.wireName());
    c.setTimestamp(timestamp);
    c.setTtl(ttl);
    return TIMES.check(c, action, NOW).stream().map(BecknError::getPaths).toList();
  }
}
