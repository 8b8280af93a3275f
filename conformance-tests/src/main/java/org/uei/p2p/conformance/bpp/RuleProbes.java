package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Message;

/**
 * The energy-rule cases. A refusal proves the rule is checked only if the same select without the
 * violation is accepted: a seller that refuses every select would otherwise pass them all. So each
 * case first sends the compliant select and expects a quote, then the violating one and expects a
 * refusal (a NACK, or an on_select carrying an error).
 */
final class RuleProbes {

  private final KitBap kit;

  RuleProbes(KitBap kit) {
    this.kit = kit;
  }

  /** What one select got: a quote, or the refusal or problem instead. */
  private record Outcome(boolean quoted, String refusal, String problem, List<Exchange> evidence) {}

  CaseResult expectRefusal(
      ConformanceCase c, Message compliant, String compliantTitle, Message violating, String title)
      throws InterruptedException {
    Outcome control = select(compliant, "control: " + compliantTitle);
    if (!control.quoted()) {
      return CaseResult.failed(
          c,
          "the compliant control select ("
              + compliantTitle
              + ") was not quoted: "
              + (control.problem() != null ? control.problem() : control.refusal())
              + "; a refusal of the violating select would show nothing about this rule",
          control.evidence());
    }
    Outcome probe = select(violating, title);
    List<Exchange> ev = new ArrayList<>(control.evidence());
    ev.addAll(probe.evidence());
    if (probe.problem() != null) {
      return CaseResult.failed(c, probe.problem(), ev);
    }
    if (probe.quoted()) {
      return CaseResult.failed(c, "accepted: on_select quotes the order without an error", ev);
    }
    return CaseResult.passed(
        c, "the compliant select was quoted; this one was " + probe.refusal(), ev);
  }

  private Outcome select(Message select, String title) throws InterruptedException {
    KitBap.Call call = kit.send(Action.SELECT, select, null);
    Exchange sent = call.sent().evidence(title);
    var a = call.sent().answer();
    if (!a.isAck()) {
      if (a.status() == 0) {
        return new Outcome(false, null, "no answer: " + a.problem(), List.of(sent));
      }
      return new Outcome(
          false,
          "refused at once: "
              + a.summary()
              + a.ack()
                  .map(x -> x.error() == null ? "" : " (" + x.error().getMessage() + ")")
                  .orElse(""),
          null,
          List.of(sent));
    }
    CallbackMatch cb = kit.callback(call);
    List<Exchange> ev = cb.evidence(sent);
    if (!cb.counts()) {
      return new Outcome(false, null, "ACKed, and " + cb.problem(), ev);
    }
    JsonNode error = cb.callback().tree() == null ? null : cb.callback().tree().get("error");
    if (error != null && !error.isNull()) {
      return new Outcome(
          false,
          "refused in on_select with error "
              + error.path("code").asText()
              + ": "
              + error.path("message").asText(),
          null,
          ev);
    }
    return new Outcome(true, null, null, ev);
  }
}
