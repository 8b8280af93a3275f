package org.uei.p2p.bpp.wave2;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.uei.p2p.bpp.cascade.CascadeLeg;
import org.uei.p2p.bpp.cascade.CascadeRequest;
import org.uei.p2p.bpp.cascade.CascadeState;
import org.uei.p2p.bpp.cascade.Cascades;
import org.uei.p2p.bpp.cascade.LegState;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.order.OrderService;
import org.uei.p2p.bpp.order.OrderStatus;
import org.uei.p2p.bpp.order.SellerOrder;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.outbound.BecknSender;
import org.uei.p2p.node.outbound.SendResult;
import org.uei.p2p.registry.RegistryException;

/**
 * The seller platform's wave-2 cascade to the DISCOMs' utility nodes ({@code uei.bpp.utilities}): a
 * buyer's init or confirm carrying the contract is sent on, signed, as a wave-2 init or confirm to
 * the utility of each DISCOM of the trade that has one, and the buyer is answered by {@link
 * CascadeOutcome} once every utility answered or the timeout passed. The waiting is kept in the
 * cascade tables (wire {@code wave2}), so another instance or a restart finishes it.
 */
@ApplicationScoped
public class UtilityCascade {

  @Inject Cascades cascades;
  @Inject BppConfig config;
  @Inject NodeIdentity identity;
  @Inject BecknSender sender;
  @Inject CascadeOutcome outcome;
  @Inject OrderService orders;
  @Inject Wave2Replies replies;

  /** DISCOM → utility subscriber id for the contract's DISCOMs that have one. */
  public Map<String, String> utilitiesOf(TradeContract tc) {
    return cascades.utilitiesOf(tc.order());
  }

  /**
   * A confirm with utilities: the energy is reserved now (committed, so it is held while the
   * utilities check) and the confirm is cascaded. A transaction whose contract was refused before
   * stays refused; one already answered ACTIVE gets its contract again without a new cascade.
   *
   * @throws OrderService.NotAvailable when a line's energy is gone
   */
  void confirm(InboundMessage m, TradeContract tc, Map<String, String> utilities)
      throws OrderService.NotAvailable {
    Wave2Context c = m.wave2Context();
    SellerOrder before =
        QuarkusTransaction.requiringNew()
            .call(() -> SellerOrder.byTransaction(c.transactionId()).orElse(null));
    if (before != null && before.status != OrderStatus.ACTIVE) {
      replies.reply(
          c,
          outcome.current(before),
          BecknError.of(
              ErrorCode.BUSINESS_ERROR,
              "contract "
                  + before.id
                  + " of this transaction is "
                  + before.status
                  + "; confirm in a new transaction",
              "context.transactionId"));
      return;
    }
    if (before != null && answered(before.id)) {
      replies.reply(c, outcome.current(before), null);
      return;
    }
    SellerOrder o = orders.confirm(tc.order(), m.wireContext());
    start(m, o.id, utilities, replies.contract(tc, true));
  }

  private static boolean answered(String orderId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                CascadeRequest.count("orderId = ?1 and status = ?2", orderId, CascadeState.ANSWERED)
                    > 0);
  }

  /**
   * Starts the cascade of the buyer's init or confirm: one leg per utility, committed before
   * anything is sent so that an answer coming back at once finds its leg.
   *
   * @param orderId for a confirm, the local order holding the reservation
   * @param contract what the utilities get: the contract priced from the catalog with this
   *     platform's settlement terms, as the buyer's on_init shows it (the DISCOM's on_init echoes
   *     it, and an on_init carries the seller's terms)
   */
  void start(
      InboundMessage buyer, String orderId, Map<String, String> utilities, Wave2Message contract) {
    Wave2Context bc = buyer.wave2Context();
    Wave2Action action = buyer.wave2Action();
    String cascadeTxn = Cascades.cascadeTransaction(bc.bapId(), bc.transactionId());
    Map<CascadeLeg, Wave2Envelope> sends = new LinkedHashMap<>();
    String id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  CascadeRequest r = new CascadeRequest();
                  r.id = UUID.randomUUID().toString();
                  r.wire = CascadeRequest.WAVE2;
                  r.action = action.wireName();
                  r.buyerTransactionId = bc.transactionId();
                  r.cascadeTransactionId = cascadeTxn;
                  r.orderId = orderId;
                  r.requestBody = buyer.wave2().write();
                  r.status = CascadeState.PENDING;
                  r.createdAt = Instant.now();
                  r.deadline = r.createdAt.plus(config.cascade().timeout());
                  r.persist();
                  for (Map.Entry<String, String> u : utilities.entrySet()) {
                    CascadeLeg leg = new CascadeLeg();
                    leg.cascadeId = r.id;
                    leg.discomId = u.getKey();
                    leg.utilityId = u.getValue();
                    try {
                      leg.utilityUri = cascades.lookup(u.getValue());
                      leg.status = LegState.SENT;
                    } catch (RegistryException | IllegalStateException e) {
                      leg.status = LegState.FAILED;
                      leg.detail = Cascades.truncate("no registry record: " + e.getMessage());
                    }
                    var context =
                        Wave2Contexts.newRequest(
                            action,
                            new Wave2Contexts.Parties(
                                bc.networkId(),
                                identity.subscriberId(),
                                identity.publicUrl(),
                                leg.utilityId,
                                leg.utilityUri),
                            cascadeTxn,
                            config.cascade().timeout(),
                            bc.schemaContext(),
                            Clock.systemUTC());
                    leg.messageId = context.get("messageId").asText();
                    leg.persist();
                    if (leg.status == LegState.SENT) {
                      sends.put(leg, Wave2Envelope.of(context, contract));
                    }
                  }
                  return r.id;
                });
    for (Map.Entry<CascadeLeg, Wave2Envelope> s : sends.entrySet()) {
      CascadeLeg leg = s.getKey();
      SendResult result = sender.send(leg.utilityUri, leg.utilityId, s.getValue());
      if (!result.acked()) {
        String why = result.describe();
        Log.warnf("cascaded wave-2 %s to %s failed: %s", action, leg.utilityId, why);
        CascadeLeg.failed(leg.messageId, why);
      }
    }
    outcome.tryFinish(id);
  }

  /**
   * Refuses an on_init/on_confirm/on_cancel not signed by a configured utility or not answering a
   * wave-2 cascade this platform sent to that utility in that transaction.
   */
  void admit(InboundMessage m) throws InboundRejection {
    String from = m.senderId();
    if (!cascades.isUtility(from)) {
      throw InboundRejection.badRequest(
          ErrorCode.ACTION_NOT_APPLICABLE,
          "'" + from + "' is not a utility this platform cascades to",
          "context.bppId");
    }
    Wave2Context c = m.wave2Context();
    boolean known =
        QuarkusTransaction.joiningExisting()
            .call(
                () -> {
                  if (m.wave2Action() == Wave2Action.ON_CANCEL) {
                    return CascadeRequest.count(
                            "cascadeTransactionId = ?1 and orderId is not null and wire = ?2",
                            c.transactionId(),
                            CascadeRequest.WAVE2)
                        > 0;
                  }
                  CascadeLeg leg = CascadeLeg.findById(c.messageId());
                  if (leg == null || !leg.utilityId.equals(from)) {
                    return false;
                  }
                  CascadeRequest r = CascadeRequest.findById(leg.cascadeId);
                  return CascadeRequest.WAVE2.equals(r.wire)
                      && r.cascadeTransactionId.equals(c.transactionId())
                      && r.action.equals(m.wave2Action().wireName().substring(3));
                });
    if (!known) {
      throw InboundRejection.badRequest(
          ErrorCode.ORDER_NOT_FOUND,
          "no cascade of this platform has message "
              + c.messageId()
              + " in transaction "
              + c.transactionId(),
          "context.messageId");
    }
  }

  /** Processes an admitted answer of a utility. */
  void handle(InboundMessage m) {
    switch (m.wave2Action()) {
      case ON_INIT, ON_CONFIRM -> outcome.record(m);
      case ON_CANCEL ->
          Log.infof(
              "utility %s cancelled its record of transaction %s",
              m.senderId(), m.wave2Context().transactionId());
      default -> {}
    }
  }

  /** Answers wave-2 cascades whose utilities did not all answer in time (also after a restart). */
  @NodeJob
  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void expire() {
    if (!cascades.active()) {
      return;
    }
    CascadeRequest.overdue(CascadeRequest.WAVE2).forEach(outcome::tryFinish);
  }
}
