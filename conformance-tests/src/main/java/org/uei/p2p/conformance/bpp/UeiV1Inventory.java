package org.uei.p2p.conformance.bpp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.ueiv1.UeiV1Action;

/**
 * Whether a confirm took its energy from the offer, seen from outside: a new search after
 * on_confirm must show the offer's available quantity less what was confirmed.
 */
final class UeiV1Inventory {

  private final UeiV1Kit kit;

  UeiV1Inventory(UeiV1Kit kit) {
    this.kit = kit;
  }

  /**
   * @param before the offer as the first on_search showed it
   * @param confirmedKwh what the on_confirm confirmed of it
   */
  CaseResult check(EnergyOffer before, BigDecimal confirmedKwh) throws InterruptedException {
    ConformanceCase c = UeiV1BppCases.INVENTORY;
    UeiV1Kit.Call search = kit.send(UeiV1Action.SEARCH, UeiV1BppRun.searchMessage(), null);
    Exchange sent = search.sent().evidence("search after confirm");
    if (!search.sent().answer().isAck()) {
      return CaseResult.failed(
          c, "search was not acknowledged: " + search.sent().answer().summary(), List.of(sent));
    }
    CallbackMatch cb = kit.callback(search);
    List<Exchange> ev = cb.evidence(sent);
    if (!cb.counts()) {
      return CaseResult.failed(c, cb.problem(), ev);
    }
    List<EnergyOffer> offers;
    try {
      offers = UeiV1BppRun.offers(cb.callback());
    } catch (MessageParseException | TradeCodecException e) {
      return CaseResult.failed(c, "on_search's catalog cannot be read: " + e.getMessage(), ev);
    }
    BigDecimal expected = before.maxQuantityKwh().subtract(confirmedKwh);
    Optional<EnergyOffer> after =
        offers.stream().filter(o -> o.offerId().equals(before.offerId())).findFirst();
    if (after.isEmpty()) {
      return expected.signum() == 0
          ? CaseResult.passed(c, "the offer was sold out and left the catalog", ev)
          : CaseResult.failed(
              c,
              "offer '"
                  + before.offerId()
                  + "' left the catalog, though "
                  + expected.toPlainString()
                  + " kWh of it were left",
              ev);
    }
    BigDecimal now = after.get().maxQuantityKwh();
    return now.compareTo(expected) == 0
        ? CaseResult.passed(
            c,
            "available "
                + before.maxQuantityKwh().toPlainString()
                + " → "
                + now.toPlainString()
                + " kWh after confirming "
                + confirmedKwh.toPlainString(),
            ev)
        : CaseResult.failed(
            c,
            "available "
                + now.toPlainString()
                + " kWh after confirming "
                + confirmedKwh.toPlainString()
                + " of "
                + before.maxQuantityKwh().toPlainString()
                + "; expected "
                + expected.toPlainString(),
            ev);
  }
}
