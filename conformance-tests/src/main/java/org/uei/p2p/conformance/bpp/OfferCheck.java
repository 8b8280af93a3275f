package org.uei.p2p.conformance.bpp;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.conformance.setup.SetupCheck;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.EnergyOffer;

/**
 * The offer the kit trades against. The journey and the energy-rule cases need an open offer of at
 * least 1 kWh for a slot still before its gate closure (4 h ahead); a seller without one is not
 * ready to be tested, which is a setup error with a fix rather than nine skipped cases.
 */
final class OfferCheck {

  /** What the joiner does when the target has no usable offer. */
  static final String FIX =
      "publish on the BPP an open offer of 1 kWh or more for an hourly slot that starts more"
          + " than 4 h from now (trading closes 4 h before delivery), then run again";

  private OfferCheck() {}

  /** The offers of an on_discover's catalog. */
  static List<EnergyOffer> offers(Inbound onDiscover)
      throws MessageParseException, TradeCodecException {
    return new Wave1Codec().offers(Envelopes.parse(onDiscover.body()).getMessage());
  }

  /**
   * The first offer open now with 1 kWh or more, whose slot is more than a minute before gate
   * closure.
   */
  static Optional<EnergyOffer> usable(List<EnergyOffer> offers) {
    Instant now = Instant.now();
    return offers.stream()
        .filter(
            o ->
                o.isValidAt(now)
                    && o.maxQuantityKwh().compareTo(BigDecimal.ONE) >= 0
                    && o.slot().start().minus(Duration.ofHours(4)).isAfter(now.plusSeconds(60)))
        .findFirst();
  }

  /** The failed check for a catalog without a usable offer. */
  static SetupCheck missing(List<EnergyOffer> offers) {
    return SetupCheck.failed(
        "offer",
        offers.isEmpty()
            ? "the BPP's catalog is empty"
            : "the BPP's catalog has "
                + offers.size()
                + " offer(s), none open now with 1 kWh or more for a slot"
                + " more than 4 h ahead",
        FIX);
  }

  /** Sends a discover and checks its on_discover for a usable offer (the doctor's last check). */
  static SetupCheck check(KitBap kit) throws InterruptedException {
    KitBap.Call discover = kit.send(Action.DISCOVER, KitBap.discover(), null);
    if (!discover.sent().answer().isAck()) {
      return SetupCheck.failed(
          "offer",
          "discover was not acknowledged: " + discover.sent().answer().summary(),
          "run the kit to see why (case " + BppCases.ACK.id() + ")");
    }
    CallbackMatch cb = kit.callback(discover);
    if (!cb.counts()) {
      return SetupCheck.failed(
          "offer", cb.problem(), "run the kit to see why (case " + BppCases.OFFERS.id() + ")");
    }
    List<EnergyOffer> offers;
    try {
      offers = offers(cb.callback());
    } catch (MessageParseException | TradeCodecException e) {
      return SetupCheck.failed(
          "offer",
          "on_discover's catalog cannot be read: " + e.getMessage(),
          "run the kit to see why (case " + BppCases.OFFERS.id() + ")");
    }
    return usable(offers)
        .map(
            o ->
                SetupCheck.passed(
                    "offer",
                    "the kit will trade against '"
                        + o.offerId()
                        + "' ("
                        + o.slot()
                        + ", "
                        + o.price()
                        + ")"))
        .orElseGet(() -> missing(offers));
  }
}
