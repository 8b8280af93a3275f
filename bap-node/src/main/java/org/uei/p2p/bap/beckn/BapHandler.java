package org.uei.p2p.bap.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.uei.p2p.bap.cascade.LedgerPassOn;
import org.uei.p2p.bap.cascade.LedgerReports;
import org.uei.p2p.bap.client.CallbackSignals;
import org.uei.p2p.bap.client.RequestLedger;
import org.uei.p2p.bap.client.Wave2Callbacks;
import org.uei.p2p.bap.client.WebhookPusher;
import org.uei.p2p.bap.delivery.DeliveryRecorder;
import org.uei.p2p.bap.delivery.UeiV1DeliveryRecorder;
import org.uei.p2p.bap.delivery.Wave2DeliveryRecorder;
import org.uei.p2p.bap.ueiv1.UeiV1Callbacks;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.wire.WireContext;

/**
 * The buyer platform's callback endpoints, on every wire it speaks: each {@code on_*} is matched to
 * the request it answers before it is ACKed, then recorded as the answer, waking a waiting sync
 * request and pushing the result to the buyer app's webhook. A wave-2 callback that carries an
 * error, or an on_confirm whose contract the seller did not make ACTIVE, fails its request with the
 * seller's words. In the wave-2 allocation cascade, a ledger provider's allocation report goes to
 * {@link LedgerReports} instead, and what a seller platform reports of its side is passed on to the
 * buyer DISCOM's ledger ({@link LedgerPassOn}). A seller platform's delivery and settlement reports
 * (wave-1 and UEI v1 on_status/on_update, wave-2 allocations) are recorded for the buyer's
 * deliveries and statements.
 */
@ApplicationScoped
public class BapHandler implements BecknHandler {

  @Inject CallbackCorrelation correlation;
  @Inject CallbackSignals signals;
  @Inject WebhookPusher webhook;
  @Inject DeliveryRecorder deliveries;
  @Inject Wave2DeliveryRecorder wave2Deliveries;
  @Inject UeiV1DeliveryRecorder ueiV1Deliveries;
  @Inject Wave2Admission wave2;
  @Inject RequestLedger ledger;
  @Inject LedgerPassOn passOn;
  @Inject LedgerReports reports;

  @Override
  public Set<Action> accepts() {
    return Set.of(
        Action.ON_DISCOVER,
        Action.ON_SELECT,
        Action.ON_INIT,
        Action.ON_CONFIRM,
        Action.ON_STATUS,
        Action.ON_UPDATE,
        Action.ON_CANCEL);
  }

  @Override
  public Set<Wave2Action> acceptsWave2() {
    return Set.of(
        Wave2Action.ON_DISCOVER,
        Wave2Action.ON_SELECT,
        Wave2Action.ON_INIT,
        Wave2Action.ON_CONFIRM,
        Wave2Action.ON_STATUS,
        Wave2Action.ON_UPDATE,
        Wave2Action.ON_CANCEL);
  }

  /** The UEI v1 (Beckn 1.1.0) callbacks of the requests this platform sends on that wire. */
  @Override
  public Set<UeiV1Action> acceptsUeiV1() {
    return Set.of(
        UeiV1Action.ON_SEARCH,
        UeiV1Action.ON_SELECT,
        UeiV1Action.ON_INIT,
        UeiV1Action.ON_CONFIRM,
        UeiV1Action.ON_STATUS,
        UeiV1Action.ON_UPDATE);
  }

  @Override
  public void admit(InboundMessage m) throws InboundRejection {
    if (isLedgerReport(m)) {
      // Not an answer to a request of this platform: the report's own checks name its sender.
      reports.check(m.senderId(), m.wave2());
      return;
    }
    correlation.match(m.wireContext(), m.receivedAt());
    if (m.wire() == WireGeneration.IES_WAVE2) {
      wave2.admit(m.wave2());
    } else if (isUeiV1Report(m)) {
      ueiV1Deliveries.check(m.ueiV1());
    }
  }

  @Override
  public void handle(InboundMessage m) throws Exception {
    if (isLedgerReport(m)) {
      reports.handle(m.senderId(), m.wave2());
      return;
    }
    WireContext c = m.wireContext();
    BecknError failure = null;
    boolean sellerReport = false;
    if (m.wire() == WireGeneration.DEG_WAVE1) {
      if (m.action() == Action.ON_STATUS || m.action() == Action.ON_UPDATE) {
        deliveries.record(m);
      }
    } else if (m.wire() == WireGeneration.UEI_V1) {
      failure = UeiV1Callbacks.failure(m.ueiV1());
      if (failure == null && isUeiV1Report(m)) {
        ueiV1Deliveries.record(m.senderId(), m.ueiV1(), m.receivedAt());
      }
    } else {
      failure = failure(m.wave2());
      Wave2Action a = m.wave2Action();
      if (failure == null && (a == Wave2Action.ON_STATUS || a == Wave2Action.ON_UPDATE)) {
        wave2Deliveries.record(m.senderId(), m.wave2(), m.receivedAt());
        sellerReport = true;
      }
    }
    if (failure != null) {
      ledger.failed(c.messageId(), c.bppId(), failure);
    } else {
      correlation.answered(c.messageId(), c.bppId(), m.receivedAt());
    }
    signals.signal();
    webhook.push(c.messageId(), c.transactionId());
    if (sellerReport) {
      // Last: a ledger that cannot be reached now must not hold up the app's answer.
      passOn.passOn(m.senderId(), m.wave2());
    }
  }

  /** A UEI v1 on_status/on_update: it may report delivery and settlement. */
  private static boolean isUeiV1Report(InboundMessage m) {
    return m.wire() == WireGeneration.UEI_V1
        && (m.ueiV1Action() == UeiV1Action.ON_STATUS || m.ueiV1Action() == UeiV1Action.ON_UPDATE);
  }

  /** A wave-2 on_status from a DISCOM's ledger provider: its allocation report. */
  private static boolean isLedgerReport(InboundMessage m) {
    return m.wire() == WireGeneration.IES_WAVE2
        && m.wave2Action() == Wave2Action.ON_STATUS
        && LedgerReports.isReport(m.wave2());
  }

  /** Why a wave-2 callback fails its request, or null when it answers it. */
  private static BecknError failure(Wave2Envelope e) {
    BecknError refused = Wave2Callbacks.refusal(e).orElse(null);
    if (refused != null) {
      return refused;
    }
    Contract c = e.message() == null ? null : e.message().contract();
    if (e.action().orElse(null) == Wave2Action.ON_CONFIRM
        && (c == null || !"ACTIVE".equals(c.statusCode()))) {
      return BecknError.of(
          ErrorCode.BUSINESS_ERROR,
          "the seller platform did not make the contract ACTIVE (status "
              + (c == null ? "absent" : c.statusCode())
              + ")",
          "message.contract.status.code");
    }
    return null;
  }
}
