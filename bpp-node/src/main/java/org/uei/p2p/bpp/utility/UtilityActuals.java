package org.uei.p2p.bpp.utility;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.delivery.MeterDataService;
import org.uei.p2p.bpp.ledger.MeterActuals;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * The DISCOM answering its ledger provider's wave-2 {@code status} for meter actuals with its
 * imported MDMS data, as the wave-1 delivery reports use it: per window the net import in kWh
 * (export negative), or empty values where the meter's data for the window is incomplete. Only the
 * configured ledger ({@code uei.bpp.utility.ledger-id}) is answered, and only about this DISCOM's
 * consumers.
 */
@ApplicationScoped
public class UtilityActuals {

  /** More windows than a month of hourly slots of a large feeder is not a ledger's request. */
  static final int MAX_WINDOWS = 5000;

  @Inject BppConfig config;
  @Inject MeterDataService meterData;
  @Inject CallbackOutbox outbox;
  @Inject NodeIdentity identity;

  /** Refuses a status from anyone but the ledger, or about a meter that is not a consumer. */
  List<MeterActuals.Reading> check(InboundMessage m) throws InboundRejection {
    String ledger = config.utility().ledgerId().map(String::trim).orElse("");
    if (ledger.isEmpty() || !ledger.equals(m.senderId())) {
      throw InboundRejection.badRequest(
          ErrorCode.ACTION_NOT_APPLICABLE,
          "meter actuals are given only to this DISCOM's ledger provider, not to '"
              + m.senderId()
              + "'",
          "context.bapId");
    }
    List<MeterActuals.Reading> readings;
    try {
      readings = MeterActuals.read(m.wave2().message().contract());
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), Map.of());
    }
    if (readings.size() > MAX_WINDOWS) {
      throw InboundRejection.badRequest(
          ErrorCode.INVALID_REQUEST,
          readings.size() + " meter windows in one status; at most " + MAX_WINDOWS,
          "message.contract.commitments");
    }
    for (MeterActuals.Reading r : readings) {
      boolean consumer =
          QuarkusTransaction.joiningExisting()
              .call(() -> UtilityConsumer.findById(r.meterId()) != null);
      if (!consumer) {
        String series = r.path().substring(0, r.path().lastIndexOf(".intervals["));
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            "meter " + r.meterId() + " is not a consumer of this DISCOM",
            series + ".resourceName");
      }
    }
    return readings;
  }

  /** Answers with the values filled. */
  void handle(InboundMessage m) throws InboundRejection {
    check(m);
    Wave2Message answer;
    try {
      answer =
          MeterActuals.answer(
              m.wave2().message().contract(),
              r -> {
                SlotEnergy e = meterData.energy(r.meterId(), new DeliverySlot(r.start(), r.end()));
                return e.complete() ? e.netImportKwh() : null;
              });
    } catch (TradeCodecException e) {
      throw new IllegalStateException("a status that passed its check could not be answered", e);
    }
    Wave2Context request = m.wave2Context();
    ObjectNode context = Wave2Contexts.callbackFor(request, Clock.systemUTC());
    context.put("bppId", identity.subscriberId()).put("bppUri", identity.publicUrl());
    outbox.enqueue(request.bapUri(), request.bapId(), Wave2Envelope.of(context, answer));
  }
}
