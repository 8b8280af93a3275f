package org.uei.p2p.conformance.bpp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.envelope.Context;

/**
 * The cases that look at every callback of the run once it is over: signatures, echoed context,
 * timing and unsolicited message ids.
 */
final class CallbackChecks {

  private static final List<String> ECHOED =
      List.of("domain", "version", "bap_id", "bap_uri", "bpp_id", "bpp_uri", "transaction_id");
  private final KitBap kit;
  private final Map<KitBap.Call, Inbound> pairs;

  CallbackChecks(KitBap kit, Map<KitBap.Call, Inbound> pairs) {
    this.kit = kit;
    this.pairs = pairs;
  }

  CaseResult signed(ConformanceCase c) {
    List<Inbound> all = kit.listener().received();
    if (all.isEmpty()) {
      return CaseResult.notRun(c, "no callback arrived during the run");
    }
    for (Inbound m : all) {
      if (!m.signature().valid()) {
        return CaseResult.failed(
            c,
            m.action() + " " + m.context("message_id") + ": " + m.signature(),
            List.of(m.evidence(m.action())));
      }
    }
    return CaseResult.passed(
        c,
        all.size() + " callback(s), each validly signed by its context.bpp_id",
        List.of(all.get(0).evidence(all.get(0).action() + " (first of " + all.size() + ")")));
  }

  CaseResult messageIds(ConformanceCase c) {
    if (pairs.isEmpty()) {
      return CaseResult.notRun(c, "no request was answered with a callback");
    }
    for (Map.Entry<KitBap.Call, Inbound> p : pairs.entrySet()) {
      String sent = p.getKey().messageId();
      String got = p.getValue().context("message_id");
      if (!sent.equals(got)) {
        return CaseResult.failed(
            c,
            p.getValue().action()
                + " carries message_id '"
                + got
                + "', the request had '"
                + sent
                + "'",
            evidence(p));
      }
    }
    return CaseResult.passed(
        c, pairs.size() + " callback(s), each with its request's message_id", List.of());
  }

  CaseResult context(ConformanceCase c) {
    if (pairs.isEmpty()) {
      return CaseResult.notRun(c, "no request was answered with a callback");
    }
    for (Map.Entry<KitBap.Call, Inbound> p : pairs.entrySet()) {
      Context req = p.getKey().context();
      Inbound cb = p.getValue();
      List<String> wrong = new ArrayList<>();
      for (String f : ECHOED) {
        String sent = field(req, f);
        if (sent != null && !Objects.equals(sent, cb.context(f))) {
          wrong.add(f + " '" + cb.context(f) + "' (sent '" + sent + "')");
        }
      }
      if (!("on_" + req.getAction()).equals(cb.context("action"))) {
        wrong.add("action '" + cb.context("action") + "' (expected 'on_" + req.getAction() + "')");
      }
      if (!wrong.isEmpty()) {
        return CaseResult.failed(
            c, cb.action() + " does not echo " + String.join(", ", wrong), evidence(p));
      }
    }
    return CaseResult.passed(
        c,
        pairs.size() + " callback(s) echo " + String.join(", ", ECHOED) + " and on_<action>",
        List.of());
  }

  CaseResult withinTtl(ConformanceCase c) {
    if (pairs.isEmpty()) {
      return CaseResult.notRun(c, "no request was answered with a callback");
    }
    for (Map.Entry<KitBap.Call, Inbound> p : pairs.entrySet()) {
      Instant deadline = KitBap.deadline(p.getKey());
      Instant at = p.getValue().receivedAt();
      if (at.isAfter(deadline)) {
        return CaseResult.failed(
            c,
            p.getValue().action()
                + " arrived "
                + CallbackMatch.seconds(Duration.between(deadline, at))
                + " late: at "
                + at
                + ", after the request's timestamp + ttl "
                + deadline,
            evidence(p));
      }
    }
    return CaseResult.passed(
        c, pairs.size() + " callback(s), each within its request's ttl", List.of());
  }

  CaseResult unsolicited(ConformanceCase c, Duration wait) throws InterruptedException {
    Set<String> sentIds = new HashSet<>();
    Set<String> txns = new HashSet<>();
    pairs
        .keySet()
        .forEach(
            k -> {
              sentIds.add(k.messageId());
              txns.add(k.context().getTransactionId());
            });
    java.util.Optional<Inbound> found =
        kit.listener()
            .await(
                m ->
                    isUnsolicitedAction(m.action())
                        && m.signature().valid()
                        && txns.contains(m.context("transaction_id"))
                        && !pairs.containsValue(m),
                wait);
    if (found.isEmpty()) {
      return CaseResult.notRun(
          c,
          "no unsolicited on_status/on_update/on_cancel arrived"
              + (wait.isZero() ? "" : " within " + wait));
    }
    Inbound m = found.get();
    List<Exchange> ev = List.of(m.evidence(m.action()));
    if (sentIds.contains(m.context("message_id"))) {
      return CaseResult.failed(
          c,
          m.action() + " reuses message_id " + m.context("message_id") + " of an earlier request",
          ev);
    }
    return CaseResult.passed(
        c, m.action() + " with a new message_id " + m.context("message_id"), ev);
  }

  private static boolean isUnsolicitedAction(String action) {
    return "on_status".equals(action) || "on_update".equals(action) || "on_cancel".equals(action);
  }

  private static List<Exchange> evidence(Map.Entry<KitBap.Call, Inbound> p) {
    return List.of(
        p.getKey().sent().evidence(p.getKey().context().getAction()),
        p.getValue().evidence(p.getValue().action()));
  }

  private static String field(Context c, String f) {
    return switch (f) {
      case "domain" -> c.getDomain();
      case "version" -> c.getVersion();
      case "bap_id" -> c.getBapId();
      case "bap_uri" -> c.getBapUri();
      case "bpp_id" -> c.getBppId();
      case "bpp_uri" -> c.getBppUri();
      case "transaction_id" -> c.getTransactionId();
      default -> null;
    };
  }
}
