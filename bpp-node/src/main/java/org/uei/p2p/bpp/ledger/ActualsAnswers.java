package org.uei.p2p.bpp.ledger;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uei.p2p.market.ledger.AllocateRequest;
import org.uei.p2p.market.ledger.LedgerCaller;
import org.uei.p2p.market.ledger.LedgerException;
import org.uei.p2p.market.ledger.LedgerStatus;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * The DISCOM's on_status answering the ledger's meter-actuals status: taken only from the DISCOM's
 * configured signer, only for a status the ledger stored (transaction and message id), and only for
 * the meter windows it asked. Each window with a value is allocated over its trades with {@link
 * LedgerService#allocate} (all or none per window); an empty value is left for the next run. The
 * allocations then go to the platforms ({@link LedgerReports}).
 */
@ApplicationScoped
public class ActualsAnswers {

  /** A checked answer. */
  record Checked(ActualsRequest request, List<MeterActuals.Reading> readings) {}

  @Inject LedgerService ledger;
  @Inject LedgerReports reports;

  /** Whether {@code m} was sent by this ledger's DISCOM. */
  boolean fromOwnDiscom(InboundMessage m) {
    return ledger.enabled()
        && ledger.signerOf(ledger.discomId()).map(s -> s.equals(m.senderId())).orElse(false);
  }

  Checked check(InboundMessage m) throws InboundRejection {
    Wave2Context c = m.wave2Context();
    ActualsRequest r =
        QuarkusTransaction.joiningExisting()
            .call(() -> ActualsRequest.<ActualsRequest>findById(c.messageId()));
    if (r == null
        || !r.transactionId.equals(c.transactionId())
        || !r.discomId.equals(ledger.discomId())) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          "this ledger sent no meter-actuals status with messageId '"
              + c.messageId()
              + "' in transaction '"
              + c.transactionId()
              + "'",
          "context.messageId");
    }
    List<MeterActuals.Reading> readings;
    try {
      readings = MeterActuals.read(m.wave2().message().contract());
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), Map.of());
    }
    Set<MeterWindow> asked = new HashSet<>(MeterWindow.decode(r.asked));
    for (MeterActuals.Reading x : readings) {
      if (!asked.contains(new MeterWindow(x.meterId(), x.start(), x.end()))) {
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            "meter "
                + x.meterId()
                + " from "
                + x.start()
                + " to "
                + x.end()
                + " was not asked for in this status",
            x.path());
      }
    }
    return new Checked(r, readings);
  }

  void handle(InboundMessage m) throws InboundRejection {
    Checked checked = check(m);
    String discom = ledger.discomId();
    LedgerCaller caller = LedgerCaller.discom(m.senderId(), discom);
    Set<String> transactions = new LinkedHashSet<>();
    for (MeterActuals.Reading x : checked.readings()) {
      if (x.kwh() == null) {
        continue; // incomplete data at the DISCOM: asked again on the next run
      }
      try {
        ledger
            .allocate(
                caller,
                new AllocateRequest(
                    x.meterId(), discom, x.start(), x.end(), x.kwh(), LedgerStatus.COMPLETED, null))
            .allocations()
            .forEach(l -> transactions.add(l.record().transactionId()));
      } catch (LedgerException e) {
        Log.warnf(
            "ledger of %s: actual of %s at %s not allocated: %s",
            discom, x.meterId(), x.start(), e.getMessage());
      }
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ActualsRequest r = ActualsRequest.findById(checked.request().messageId);
              if (r.answeredAt == null) {
                r.answeredAt = Instant.now();
              }
            });
    reports.report(transactions);
  }
}
