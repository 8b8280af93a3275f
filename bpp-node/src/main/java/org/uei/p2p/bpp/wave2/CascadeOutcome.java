package org.uei.p2p.bpp.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import org.uei.p2p.bpp.cascade.CascadeDecision;
import org.uei.p2p.bpp.cascade.CascadeLeg;
import org.uei.p2p.bpp.cascade.CascadeRequest;
import org.uei.p2p.bpp.cascade.CascadeState;
import org.uei.p2p.bpp.cascade.Cascades;
import org.uei.p2p.bpp.cascade.LegState;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.TradeStatus;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * Collects the utilities' wave-2 answers and answers the buyer once all are in. An init gets the
 * priced draft with every DISCOM's limit check. A confirm whose utilities all recorded it is
 * forwarded to the DISCOMs' ledgers and answered ACTIVE. A refusal (a utility's, a timeout, or a
 * ledger's after the utilities recorded) releases the reservation and, in the same database
 * transaction, queues a cancel to every utility that recorded the trade in the durable outbox,
 * which repeats it until the utility takes it: no utility keeps counting a trade the buyer was told
 * failed.
 */
@ApplicationScoped
public class CascadeOutcome {

  @Inject BppConfig config;
  @Inject NodeConfig node;
  @Inject NodeIdentity identity;
  @Inject OrderService orders;
  @Inject Wave2Contracts contracts;
  @Inject Wave2Replies replies;
  @Inject LedgerForwarding forwarding;
  @Inject CallbackOutbox outbox;

  /** Records a utility's on_init/on_confirm on its leg and answers the buyer if it was the last. */
  void record(InboundMessage m) {
    Wave2Envelope e = m.wave2();
    String legId = m.wave2Context().messageId();
    String cascadeId =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  CascadeLeg leg = CascadeLeg.findById(legId, LockModeType.PESSIMISTIC_WRITE);
                  JsonNode error = e.member("error");
                  boolean refused = error != null && !error.isNull();
                  Contract c = e.message() == null ? null : e.message().contract();
                  String recordId = c == null ? null : c.id();
                  boolean usable =
                      recordId != null && !recordId.isBlank() && recordId.length() <= 64;
                  if (!refused && m.wave2Action() == Wave2Action.ON_CONFIRM && !usable) {
                    refused = true;
                    error =
                        JsonNodeFactory.instance.textNode("on_confirm names no usable record id");
                  }
                  LegState next = CascadeDecision.answered(leg.status, refused);
                  if (next == null) {
                    return leg.cascadeId;
                  }
                  leg.status = next;
                  leg.detail = refused ? Cascades.truncate(reason(error)) : null;
                  leg.answerBody = e.write();
                  if (!refused && m.wave2Action() == Wave2Action.ON_CONFIRM) {
                    leg.utilityOrderId = recordId;
                  }
                  return leg.cascadeId;
                });
    tryFinish(cascadeId);
    cancelIfLate(legId);
  }

  /**
   * Answers the buyer if every leg answered or the deadline passed; the cascade's row lock makes
   * one caller, on whichever instance, the one that answers. Ledger forwarding runs under that lock
   * too: should this instance stop half-way, the transaction rolls back and the expiry finishes the
   * cascade again (the ledgers' keys make a second forwarding rewrite the same records).
   */
  void tryFinish(String cascadeId) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CascadeRequest r = CascadeRequest.findById(cascadeId, LockModeType.PESSIMISTIC_WRITE);
              List<CascadeLeg> legs = CascadeLeg.of(cascadeId);
              CascadeDecision d = r.decide(legs, config.cascade().timeout());
              if (d.outcome() == CascadeDecision.Outcome.DONE
                  || d.outcome() == CascadeDecision.Outcome.WAIT) {
                return;
              }
              finish(r, legs, d);
            });
  }

  private void finish(CascadeRequest r, List<CascadeLeg> legs, CascadeDecision d) {
    Wave2Envelope request = parse(r.requestBody);
    Contract buyerContract = request.message().contract();
    TradeContract draft;
    try {
      draft = contracts.priced(request.message(), TradeStatus.PENDING);
    } catch (InboundRejection e) {
      // The catalog changed while the utilities checked (an init's offer withdrawn).
      r.status = CascadeState.REFUSED;
      if (r.isConfirm()) {
        orders.cancel(r.orderId);
        legs.stream()
            .filter(l -> l.status == LegState.OK && l.utilityOrderId != null)
            .forEach(l -> cancelAt(r, l, request));
      }
      replies.reply(request.context(), request.message(), e.errors().get(0));
      return;
    }
    SellerOrder o = r.isConfirm() ? SellerOrder.findById(r.orderId) : null;
    BecknError error = null;
    if (d.outcome() == CascadeDecision.Outcome.ANSWER) {
      r.status = CascadeState.ANSWERED;
      if (o != null) {
        try {
          TradeContract tc = contracts.of(o);
          forwarding.forward(
              orders.view(o), r.buyerTransactionId, tc.sellerLedger(), tc.buyerLedger());
        } catch (LedgerForwarding.NotRecorded e) {
          r.status = CascadeState.REFUSED;
          orders.cancel(o.id);
          legs.stream()
              .filter(l -> l.status == LegState.OK && l.utilityOrderId != null)
              .forEach(l -> cancelAt(r, l, request));
          error =
              BecknError.of(
                  e.timedOut() ? Wave2Seller.LEDGER_TIMEOUT : ErrorCode.BUSINESS_ERROR.code(),
                  "the contract was not confirmed: "
                      + e.getMessage()
                      + "; the energy was released and the DISCOMs' records cancelled",
                  buyerContract.pathOf("participants"));
        }
      }
    } else {
      r.status = CascadeState.REFUSED;
      error =
          BecknError.of(
              ErrorCode.POLICY_ERROR,
              d.error(),
              LimitCheckAnswers.refusedPath(buyerContract, draft.order(), legs));
      if (o != null) {
        orders.cancel(o.id);
        legs.stream()
            .filter(l -> d.legsToCancel().contains(l.messageId))
            .forEach(l -> cancelAt(r, l, request));
      }
    }
    // A refused confirm hands the buyer's contract back as a DRAFT (the LTS error callback follows
    // its request's rules); the error says the DISCOMs' records were cancelled.
    Wave2Message answer = o == null || error != null ? replies.contract(draft, true) : current(o);
    replies.reply(request.context(), LimitCheckAnswers.merge(answer, draft.order(), legs), error);
  }

  /**
   * The buyer's cancel of a contract: the energy goes back and, in the same transaction, every
   * utility that recorded the contract's trade is sent a cancel, so its headroom is freed too.
   */
  SellerOrder cancel(String orderId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              SellerOrder o = orders.cancel(orderId);
              List<CascadeRequest> confirmed =
                  CascadeRequest.list(
                      "orderId = ?1 and wire = ?2 and status = ?3",
                      orderId,
                      CascadeRequest.WAVE2,
                      CascadeState.ANSWERED);
              for (CascadeRequest r : confirmed) {
                Wave2Envelope request = parse(r.requestBody);
                CascadeLeg.of(r.id).stream()
                    .filter(l -> l.status == LegState.OK && l.utilityOrderId != null)
                    .forEach(l -> cancelAt(r, l, request));
              }
              return o;
            });
  }

  /** The contract of a stored order as the buyer sees it now. */
  Wave2Message current(SellerOrder o) {
    return replies.contract(contracts.of(orders.find(o.id).orElse(o)), true);
  }

  /** A utility that confirmed after the buyer was refused holds a trade nobody wants: cancel it. */
  private void cancelIfLate(String legId) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CascadeLeg leg = CascadeLeg.findById(legId, LockModeType.PESSIMISTIC_WRITE);
              CascadeRequest r = CascadeRequest.findById(leg.cascadeId);
              if (CascadeDecision.cancelLate(
                  r.status, r.isConfirm(), leg.status, leg.utilityOrderId != null)) {
                cancelAt(r, leg, parse(r.requestBody));
              }
            });
  }

  /**
   * Marks the leg cancelled and queues a wave-2 cancel of the utility's record in the caller's
   * transaction; its ttl lets the outbox repeat it as long as it keeps any message.
   */
  private void cancelAt(CascadeRequest r, CascadeLeg leg, Wave2Envelope request) {
    leg.status = LegState.CANCELLED;
    ObjectNode context =
        Wave2Contexts.newRequest(
            Wave2Action.CANCEL,
            new Wave2Contexts.Parties(
                request.context().networkId(),
                identity.subscriberId(),
                identity.publicUrl(),
                leg.utilityId,
                leg.utilityUri),
            r.cascadeTransactionId,
            node.outbox().maxAge(),
            List.of(),
            Clock.systemUTC());
    // The contract as the utility recorded it, under its record id: a cancel names the whole
    // contract, as on_confirm gave it.
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    ObjectNode contract = message.putObject("contract");
    try {
      contract.setAll(Wave2Envelope.parse(leg.answerBody).message().contract().toJson());
    } catch (MessageParseException | RuntimeException e) {
      contract.setAll(request.message().contract().toJson());
    }
    contract.put("id", leg.utilityOrderId);
    outbox.enqueue(
        leg.utilityUri, leg.utilityId, Wave2Envelope.of(context, Wave2Message.of(message)));
  }

  private static String reason(JsonNode error) {
    if (error.isTextual()) {
      return error.asText();
    }
    String text = error.path("errorMessage").asText(error.path("message").asText(""));
    String code = error.path("errorCode").asText(error.path("code").asText(""));
    return text.isEmpty() ? "error " + code : text;
  }

  private static Wave2Envelope parse(byte[] body) {
    try {
      return Wave2Envelope.parse(body);
    } catch (MessageParseException e) {
      throw new IllegalStateException("a stored message does not parse: " + e.getMessage(), e);
    }
  }
}
