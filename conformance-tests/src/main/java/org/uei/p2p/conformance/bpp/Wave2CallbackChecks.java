package org.uei.p2p.conformance.bpp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.RevenueFlow;

/** Checks over every wave-2 callback the kit received and the requests they answer. */
final class Wave2CallbackChecks {

  /** The context members a callback echoes from its request. */
  private static final List<String> ECHOED =
      List.of("networkId", "version", "bapId", "bapUri", "bppId", "bppUri", "transactionId");

  private final Wave2Kit kit;

  Wave2CallbackChecks(Wave2Kit kit) {
    this.kit = kit;
  }

  CaseResult signed(ConformanceCase c) {
    List<Inbound> all = kit.callbacks();
    if (all.isEmpty()) {
      return CaseResult.failed(c, "no callback reached the kit", List.of());
    }
    for (Inbound m : all) {
      if (!m.signature().valid()) {
        return CaseResult.failed(
            c,
            m.action() + " " + m.context("messageId") + ": " + m.signature(),
            List.of(m.evidence(m.action())));
      }
    }
    return CaseResult.passed(c, all.size() + " callback(s), each validly signed", List.of());
  }

  CaseResult messageIds(ConformanceCase c) {
    Map<Wave2Kit.Call, Inbound> pairs = kit.pairs();
    if (pairs.isEmpty()) {
      return CaseResult.notRun(c, "no callback answered a request");
    }
    for (Map.Entry<Wave2Kit.Call, Inbound> p : pairs.entrySet()) {
      String got = p.getValue().context("messageId");
      if (!p.getKey().messageId().equals(got)) {
        return CaseResult.failed(
            c,
            p.getValue().action()
                + " carries messageId '"
                + got
                + "', not the request's '"
                + p.getKey().messageId()
                + "'",
            evidence(p));
      }
    }
    return CaseResult.passed(
        c, pairs.size() + " callback(s), each with its request's messageId", List.of());
  }

  CaseResult context(ConformanceCase c) {
    Map<Wave2Kit.Call, Inbound> pairs = kit.pairs();
    if (pairs.isEmpty()) {
      return CaseResult.notRun(c, "no callback answered a request");
    }
    for (Map.Entry<Wave2Kit.Call, Inbound> p : pairs.entrySet()) {
      for (String f : ECHOED) {
        String sent = p.getKey().context().path(f).asText(null);
        String got = p.getValue().context(f);
        // bppId is unknown to the kit before on_discover names it.
        if (sent == null && "bppId".equals(f)) {
          continue;
        }
        if (!Objects.equals(sent, got)) {
          return CaseResult.failed(
              c,
              p.getValue().action()
                  + " does not echo "
                  + f
                  + " '"
                  + got
                  + "' (sent '"
                  + sent
                  + "')",
              evidence(p));
        }
      }
    }
    return CaseResult.passed(c, pairs.size() + " callback(s) echo the request context", List.of());
  }

  CaseResult revenueFlows(ConformanceCase c) {
    List<Exchange> ev = new ArrayList<>();
    for (Inbound m : kit.callbacks()) {
      Optional<Contract> contract = Wave2BppRun.contract(m);
      Optional<BigDecimal> sum = contract.flatMap(Wave2BppRun::flowSum);
      if (sum.isEmpty()) {
        continue;
      }
      ev.add(m.evidence(m.action()));
      if (sum.get().abs().compareTo(RevenueFlow.TOLERANCE) > 0) {
        return CaseResult.failed(
            c,
            m.action()
                + "'s revenue flows sum to "
                + sum.get().toPlainString()
                + ", not zero (tolerance "
                + RevenueFlow.TOLERANCE
                + ")",
            ev);
      }
    }
    return ev.isEmpty()
        ? CaseResult.notRun(c, "no callback carried revenue flows (they come once settled)")
        : CaseResult.passed(c, ev.size() + " callback(s) with revenue flows summing to zero", ev);
  }

  private static List<Exchange> evidence(Map.Entry<Wave2Kit.Call, Inbound> p) {
    return List.of(
        p.getKey().sent().evidence(p.getKey().action()),
        p.getValue().evidence(p.getValue().action()));
  }
}
