package org.uei.p2p.bpp.cascade;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Contexts;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.outbound.BecknSender;
import org.uei.p2p.node.outbound.SendResult;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryException;

/**
 * The seller platform's cascade to DISCOM utility nodes ({@code uei.bpp.utilities}): a buyer's init
 * or confirm is sent on to the utility of every DISCOM of the trade that has one, and the buyer is
 * answered ({@link CascadeAnswers}) once every utility answered or the timeout passed. Callbacks
 * are accepted only from the configured utilities and only for cascades sent.
 */
@ApplicationScoped
public class Cascades {

  @Inject BppConfig config;
  @Inject NodeIdentity identity;
  @Inject Registry registry;
  @Inject BecknSender sender;
  @Inject CascadeAnswers answers;
  @Inject CascadeCallbacks callbacks;

  /** True when some DISCOM has a utility configured. */
  public boolean active() {
    return !config.utilities().isEmpty();
  }

  /** DISCOM → utility subscriber id for the DISCOMs of {@code order} that have one. */
  public Map<String, String> utilitiesOf(TradeOrder order) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> discoms = new ArrayList<>();
    order.lines().stream().map(OrderLine::seller).forEach(s -> discoms.add(s.discomId()));
    discoms.add(order.buyer().discomId());
    for (String d : discoms) {
      utilityOf(d).ifPresent(u -> out.putIfAbsent(d, u));
    }
    return out;
  }

  private Optional<String> utilityOf(String discomId) {
    // Keys may arrive lower-cased through environment variables; DISCOM ids are case-insensitive
    // here.
    return config.utilities().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(discomId))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** True when {@code subscriberId} is a configured utility. */
  public boolean isUtility(String subscriberId) {
    return config.utilities().containsValue(subscriberId);
  }

  /**
   * Starts the cascade of the buyer's init or confirm.
   *
   * @param orderId for a confirm, the local order holding the reservation
   */
  public void start(
      InboundMessage buyerRequest,
      TradeOrder order,
      String orderId,
      Map<String, String> utilities) {
    Context bc = buyerRequest.context();
    String cascadeTxn = cascadeTransaction(bc.getBapId(), bc.getTransactionId());
    Action action = buyerRequest.action();
    Map<CascadeLeg, Envelope<Message>> sends = new LinkedHashMap<>();
    String id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  CascadeRequest r = new CascadeRequest();
                  r.id = UUID.randomUUID().toString();
                  r.action = action.wireName();
                  r.buyerTransactionId = bc.getTransactionId();
                  r.cascadeTransactionId = cascadeTxn;
                  r.orderId = orderId;
                  r.requestBody =
                      org.uei.p2p.model.envelope.Envelopes.write(buyerRequest.envelope());
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
                      leg.utilityUri = lookup(u.getValue());
                      leg.status = LegState.SENT;
                    } catch (RegistryException | IllegalStateException e) {
                      leg.status = LegState.FAILED;
                      leg.detail = "no registry record: " + e.getMessage();
                    }
                    Context c =
                        Contexts.newRequest(
                            action,
                            new Contexts.Parties(
                                bc.getDomain(),
                                identity.subscriberId(),
                                identity.publicUrl(),
                                leg.utilityId,
                                leg.utilityUri),
                            cascadeTxn,
                            config.cascade().timeout(),
                            Clock.systemUTC());
                    leg.messageId = c.getMessageId();
                    leg.persist();
                    if (leg.status == LegState.SENT) {
                      sends.put(leg, new Envelope<>(c, answers.cascadedOrder(order, null)));
                    }
                  }
                  return r.id;
                });
    // Legs are committed before sending, so an answer that comes back at once finds its leg.
    for (Map.Entry<CascadeLeg, Envelope<Message>> s : sends.entrySet()) {
      CascadeLeg leg = s.getKey();
      SendResult result = sender.send(leg.utilityUri, leg.utilityId, s.getValue());
      if (!result.acked()) {
        String why = result.describe();
        Log.warnf("cascaded %s to %s failed: %s", action, leg.utilityId, why);
        CascadeLeg.failed(leg.messageId, why);
      }
    }
    answers.tryFinish(id);
  }

  /**
   * Refuses a callback not from a configured utility or not answering a cascade of this platform.
   */
  public void admit(InboundMessage m) throws InboundRejection {
    if (!isUtility(m.senderId())) {
      throw InboundRejection.business(
          ErrorCode.ACTION_NOT_APPLICABLE,
          "'" + m.senderId() + "' is not a utility this platform cascades to",
          "context.bpp_id");
    }
    boolean known =
        QuarkusTransaction.joiningExisting()
            .call(
                () ->
                    switch (m.action()) {
                      case ON_INIT, ON_CONFIRM -> {
                        CascadeLeg leg = CascadeLeg.findById(m.context().getMessageId());
                        yield leg != null
                            && leg.utilityId.equals(m.senderId())
                            && CascadeRequest.<CascadeRequest>findById(leg.cascadeId)
                                .wire
                                .equals(CascadeRequest.WAVE1);
                      }
                      // on_cancel answers a cancel this platform sent for a confirm cascade; status
                      // and update
                      // come unasked about a confirmed one.
                      default ->
                          CascadeRequest.count(
                                  "cascadeTransactionId = ?1 and orderId is not null and wire = ?2",
                                  m.context().getTransactionId(),
                                  CascadeRequest.WAVE1)
                              > 0;
                    });
    if (!known) {
      throw InboundRejection.business(
          ErrorCode.ORDER_NOT_FOUND,
          "no cascade of this platform has message "
              + m.context().getMessageId()
              + " in transaction "
              + m.context().getTransactionId(),
          "context.message_id");
    }
  }

  /** Processes an admitted callback from a utility. */
  public void handle(InboundMessage m) {
    switch (m.action()) {
      case ON_INIT, ON_CONFIRM -> answers.record(m);
      case ON_CANCEL ->
          Log.infof(
              "utility %s cancelled its record of transaction %s",
              m.senderId(), m.context().getTransactionId());
      case ON_STATUS -> callbacks.meterReadings(m);
      case ON_UPDATE -> callbacks.curtailment(m);
      default -> {}
    }
  }

  /** Times out cascades whose utilities did not all answer in time (also after a restart). */
  @NodeJob
  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void expire() {
    if (!active()) {
      return;
    }
    CascadeRequest.overdue(CascadeRequest.WAVE1).forEach(answers::tryFinish);
  }

  /** The base URL the registry holds for a utility. */
  public String lookup(String utilityId) throws RegistryException {
    return registry
        .urlOf(utilityId, Instant.now())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the registry has no active record with a URL for '" + utilityId + "'"));
  }

  /**
   * The cascade's transaction id (a UUID, as context rules ask): derived, so init and confirm of
   * one buyer transaction share it.
   */
  public static String cascadeTransaction(String bapId, String buyerTransactionId) {
    return UUID.nameUUIDFromBytes(
            ("cascade|" + bapId + "|" + buyerTransactionId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** {@code s} cut to fit a leg's detail column. */
  public static String truncate(String s) {
    return s == null || s.length() <= 1900 ? s : s.substring(0, 1900) + "...";
  }
}
