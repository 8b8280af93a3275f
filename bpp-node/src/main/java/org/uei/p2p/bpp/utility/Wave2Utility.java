package org.uei.p2p.bpp.utility;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * A DISCOM's utility node on IES wave 2: a platform's init carrying the DRAFT contract gets on_init
 * with a DiscomLimitCheck per trade ({@link Wave2LimitChecks}); confirm records the trades once per
 * platform transaction and answers on_confirm ACTIVE under the utility's record id; cancel (by that
 * id) gives the headroom back; status shows the record. The checks and the record are the wave-1
 * ones ({@link UtilityLedger}) over the contract read into the wire-neutral order. A refusal is the
 * contract back with error 50000 naming the rule, the meter, the headroom and the interval at
 * fault.
 */
@ApplicationScoped
public class Wave2Utility {

  /** The wave-2 actions a utility node serves. */
  public static final Set<Wave2Action> ACTIONS =
      Set.of(Wave2Action.INIT, Wave2Action.CONFIRM, Wave2Action.CANCEL, Wave2Action.STATUS);

  private static final JsonNodeFactory F = new JsonNodeFactory(true);

  @Inject UtilityLedger ledger;
  @Inject NodeIdentity identity;
  @Inject CallbackOutbox outbox;

  /** The synchronous checks; a wave-2 NACK is HTTP 400. */
  public void admit(InboundMessage m) throws InboundRejection {
    switch (m.wave2Action()) {
      case INIT, CONFIRM -> decode(m);
      case CANCEL, STATUS -> existing(m);
      default ->
          throw InboundRejection.badRequest(
              ErrorCode.ACTION_NOT_APPLICABLE,
              m.actionName() + " is not served by a utility node",
              "context.action");
    }
  }

  /** Answers an ACKed message through the callback outbox. */
  public void handle(InboundMessage m) throws InboundRejection {
    Wave2Context c = m.wave2Context();
    switch (m.wave2Action()) {
      case INIT -> init(m);
      case CONFIRM -> confirm(m);
      case CANCEL -> reply(c, view(ledger.cancel(existing(m).id)), null);
      case STATUS -> reply(c, view(existing(m)), null);
      default -> {}
    }
  }

  private void init(InboundMessage m) throws InboundRejection {
    TradeOrder order = decode(m);
    UtilityLedger.Verdict v = ledger.check(order, "init:" + m.wave2Context().transactionId());
    Contract received = m.wave2().message().contract();
    ObjectNode answer = received.toJson();
    addChecks(answer, received, order, v);
    reply(m.wave2Context(), answer, refusal(v, received));
  }

  private void confirm(InboundMessage m) throws InboundRejection {
    TradeOrder order = decode(m);
    Wave2Context c = m.wave2Context();
    Contract received = m.wave2().message().contract();
    UtilityLedger.Recorded r =
        ledger.record(
            order,
            c.bapId(),
            c.bapUri(),
            c.networkId(),
            c.transactionId(),
            m.wave2().write(),
            UtilityOrder.WAVE2);
    if (r.order() == null) {
      ObjectNode refused = received.toJson();
      addChecks(refused, received, order, r.verdict());
      reply(c, refused, refusal(r.verdict(), received));
      return;
    }
    if (!UtilityOrder.WAVE2.equals(r.order().wire)
        || UtilityOrder.CANCELLED.equals(r.order().status)) {
      // The transaction's trade was recorded before and is no longer a live wave-2 record: a
      // trade refused once is not revived by confirming the same transaction again.
      reply(
          c,
          received.toJson(),
          BecknError.of(
              ErrorCode.BUSINESS_ERROR,
              "DISCOM "
                  + ledger.discomId()
                  + " holds record "
                  + r.order().id
                  + " of transaction "
                  + c.transactionId()
                  + " as "
                  + r.order().status
                  + "; a new trade needs a new transaction",
              "context.transactionId"));
      return;
    }
    ObjectNode answer = view(r.order());
    addChecks(answer, received, order, new UtilityLedger.Verdict(r.verdict().sides(), List.of()));
    reply(c, answer, null);
  }

  /** The recorded contract under the utility's record id, ACTIVE or CANCELLED. */
  ObjectNode view(UtilityOrder o) {
    ObjectNode contract;
    try {
      contract = Wave2Envelope.parse(o.orderJson).message().contract().toJson();
    } catch (MessageParseException | RuntimeException e) {
      throw new IllegalStateException("stored contract " + o.id + " does not parse", e);
    }
    contract.put("id", o.id);
    contract
        .putObject("status")
        .put("code", UtilityOrder.CANCELLED.equals(o.status) ? "CANCELLED" : "ACTIVE");
    return contract;
  }

  private void addChecks(
      ObjectNode contract, Contract received, TradeOrder order, UtilityLedger.Verdict v) {
    List<Wave2LimitChecks.Line> lines = Wave2LimitChecks.lines(received);
    for (UtilityLedger.SideCheck s : v.sides()) {
      var line = order.lines().get(s.item());
      Wave2LimitChecks.put(
          contract,
          s.item(),
          s.item() < lines.size() ? lines.get(s.item()).commitmentId() : null,
          line.slot(),
          line.quantityKwh(),
          s.side(),
          identity.subscriberId(),
          s.ok() ? "OK" : "REJECTED",
          s.remainingKwh());
    }
  }

  private BecknError refusal(UtilityLedger.Verdict v, Contract received) {
    if (v.ok()) {
      return null;
    }
    List<Wave2LimitChecks.Line> lines = Wave2LimitChecks.lines(received);
    String path =
        v.sides().stream()
            .filter(s -> !s.ok() && s.item() < lines.size())
            .map(s -> lines.get(s.item()).quantityPath())
            .findFirst()
            .orElse(received.path());
    return BecknError.of(
        ErrorCode.POLICY_ERROR,
        "DISCOM " + ledger.discomId() + " refuses: " + String.join("; ", v.errors()),
        path);
  }

  private TradeOrder decode(InboundMessage m) throws InboundRejection {
    if (m.wave2().message() == null || m.wave2().message().contract() == null) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST, "a contract is required", "message.contract");
    }
    try {
      return new Wave2Codec(null, List.of()).contract(m.wave2().message()).order();
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), Map.of());
    }
  }

  /** The wave-2 record a cancel or status names by {@code contract.id}; it must be the sender's. */
  private UtilityOrder existing(InboundMessage m) throws InboundRejection {
    Contract c = m.wave2().message() == null ? null : m.wave2().message().contract();
    String id = c == null ? null : c.id();
    String platform = m.wave2Context().bapId();
    UtilityOrder o =
        id == null
            ? null
            : QuarkusTransaction.joiningExisting().call(() -> UtilityOrder.findById(id));
    if (o == null || !o.platformId.equals(platform) || !UtilityOrder.WAVE2.equals(o.wire)) {
      throw InboundRejection.badRequest(
          ErrorCode.ORDER_NOT_FOUND,
          "no contract '" + id + "' of '" + platform + "' at this utility",
          c == null ? "message.contract" : c.pathOf("id"));
    }
    return o;
  }

  private void reply(Wave2Context request, ObjectNode contract, BecknError error) {
    ObjectNode context = Wave2Contexts.callbackFor(request, Clock.systemUTC());
    context.put("bppId", identity.subscriberId()).put("bppUri", identity.publicUrl());
    ObjectNode root = F.objectNode();
    root.set("context", context);
    root.putObject("message").set("contract", contract);
    if (error != null) {
      ObjectNode e = root.putObject("error");
      e.put("errorCode", error.getCode()).put("errorMessage", error.getMessage());
      e.put("code", error.getCode()).put("message", error.getMessage());
      if (error.getPaths() != null) {
        e.put("paths", error.getPaths());
      }
    }
    try {
      outbox.enqueue(request.bapUri(), request.bapId(), Wave2Envelope.fromTree(root));
    } catch (MessageParseException e) {
      throw new IllegalStateException("an answer this node built is not valid wave-2 JSON", e);
    }
  }
}
