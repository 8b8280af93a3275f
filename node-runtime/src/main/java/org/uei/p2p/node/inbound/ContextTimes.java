package org.uei.p2p.node.inbound;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;

/**
 * Refuses well-formed but absurd context times, which the wave-1 validator (a format check) lets
 * through: a {@code timestamp} later than now plus the clock skew, a {@code ttl} of zero or less or
 * longer than the configured maximum, and a request whose {@code timestamp + ttl} had passed, by
 * more than the skew, before it arrived. A context without a ttl lives {@link
 * Contexts#DEFAULT_TTL}, as the replay guard assumes too.
 *
 * <p>Callbacks ({@code on_*}) are not held to their ttl: an outbox resends the same stored bytes,
 * first timestamp included, after the receiver was down for a minute or more, and the buyer
 * platform judges lateness itself against its own request. A callback is refused only when its
 * timestamp is older than the max callback age (default {@code uei.outbox.max-age}, the longest a
 * node of this project keeps retrying; the callback's ttl when longer) plus the skew: no outbox of
 * ours would still be sending it, so it is a replay of old bytes under a fresh signature.
 *
 * <p>Times are judged against the system clock at receipt, never the market clock: context
 * timestamps and signatures keep real time on test networks too.
 */
public final class ContextTimes {

  private final Duration skew;
  private final Duration maxTtl;
  private final Duration maxCallbackAge;

  public ContextTimes(Duration skew, Duration maxTtl, Duration maxCallbackAge) {
    this.skew = skew;
    this.maxTtl = maxTtl;
    this.maxCallbackAge = maxCallbackAge;
  }

  /** The limits of {@code uei.inbound.*}. */
  public static ContextTimes of(NodeConfig config) {
    NodeConfig.InboundConfig in = config.inbound();
    return new ContextTimes(
        in.clockSkew(), in.maxTtl(), in.maxCallbackAge().orElse(config.outbox().maxAge()));
  }

  /**
   * The problems with the times of {@code c}, received at {@code now} on the endpoint of {@code
   * action}; empty when they are plausible. Call after format validation.
   */
  public List<BecknError> check(Context c, Action action, Instant now) {
    return check(WireContext.of(c), action.isCallback(), now);
  }

  /**
   * The problems with the times of {@code c} (either wire), received at {@code now}; {@code
   * callback} when it was posted to a callback's endpoint. Paths are in the wire's spelling.
   */
  public List<BecknError> check(WireContext c, boolean callback, Instant now) {
    List<BecknError> problems = new ArrayList<>();
    String ttlPath = c.path(ContextField.TTL);
    String atPath = c.path(ContextField.TIMESTAMP);
    Instant at = instant(c);
    Duration ttl = Contexts.DEFAULT_TTL;
    boolean ttlOk = true;
    if (c.ttl() != null) {
      ttl = length(c.ttl(), at != null ? at : now);
      ttlOk = false;
      if (ttl == null || ttl.compareTo(maxTtl) > 0) {
        problems.add(
            error(
                ttlPath, "'" + c.ttl() + "' is longer than the " + maxTtl + " this node accepts"));
      } else if (ttl.isZero() || ttl.isNegative()) {
        problems.add(error(ttlPath, "'" + c.ttl() + "' must be longer than zero"));
      } else {
        ttlOk = true;
      }
    }
    if (at == null) {
      return problems;
    }
    if (at.isAfter(now.plus(skew))) {
      problems.add(
          error(
              atPath,
              "'"
                  + c.timestamp()
                  + "' is later than this node's clock ("
                  + now
                  + ") plus the allowed skew "
                  + skew));
    } else if (ttlOk && !callback && now.isAfter(at.plus(ttl).plus(skew))) {
      problems.add(
          error(
              atPath,
              "the request expired at "
                  + at.plus(ttl)
                  + " (timestamp + ttl), before it arrived at "
                  + now
                  + " (allowed skew "
                  + skew
                  + ")"));
    } else if (ttlOk && callback) {
      Duration age = ttl.compareTo(maxCallbackAge) > 0 ? ttl : maxCallbackAge;
      if (now.isAfter(at.plus(age).plus(skew))) {
        problems.add(
            error(
                atPath,
                "'"
                    + c.timestamp()
                    + "' is older than the "
                    + age
                    + " (plus skew "
                    + skew
                    + ") this node accepts for a callback"));
      }
    }
    return problems;
  }

  /**
   * The timestamp, or null when java.time cannot read what the validator accepted (a leap second
   * {@code :60}): no judgement then rather than a refusal of a valid RFC 3339 time.
   */
  private static Instant instant(WireContext c) {
    if (c.timestamp() == null) {
      return null;
    }
    try {
      return c.timestampInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The length of an ISO-8601 duration counted from {@code from}; null when it does not fit in the
   * time line at all. {@link Duration} cannot hold years, months or weeks, so those are measured on
   * the UTC calendar from the timestamp.
   */
  static Duration length(String iso, Instant from) {
    try {
      return Duration.parse(iso);
    } catch (DateTimeParseException | ArithmeticException notPlain) {
      // years, months, weeks, or a number too large for a Duration
    }
    try {
      int t = iso.toUpperCase(Locale.ROOT).indexOf('T');
      Period date = t == 1 ? Period.ZERO : Period.parse(t < 0 ? iso : iso.substring(0, t));
      Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + iso.substring(t));
      OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
      return Duration.between(start, start.plus(date).plus(time));
    } catch (RuntimeException beyondTheTimeLine) {
      return null;
    }
  }

  private static BecknError error(String path, String message) {
    return BecknError.of(ErrorCode.INVALID_REQUEST, message, path);
  }
}
