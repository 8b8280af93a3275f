package org.uei.p2p.model.codec;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.EnergyOffer;
import org.uei.p2p.model.trade.MeterPoint;
import org.uei.p2p.model.trade.UnitPrice;
import org.uei.p2p.model.wave2.Catalog;
import org.uei.p2p.model.wave2.CatalogOffer;
import org.uei.p2p.model.wave2.DegContract;
import org.uei.p2p.model.wave2.TimeSeries;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * Reads the energy offers of wave-2 catalogs: one {@link EnergyOffer} per interval of an offer's
 * table.
 */
final class Wave2Offers {

  private Wave2Offers() {}

  static List<EnergyOffer> read(Wave2Message m) throws TradeCodecException {
    List<EnergyOffer> out = new ArrayList<>();
    for (Catalog cat : Wave2ContractReader.required(m, "message").catalogs()) {
      if (cat == null) {
        continue;
      }
      for (CatalogOffer o : cat.offers()) {
        CatalogOffer.EnergyTradeOffer eto = o == null ? null : o.energyTradeOffer();
        if (eto != null) {
          offer(cat, o, eto, out);
        }
      }
    }
    return out;
  }

  private static void offer(
      Catalog cat, CatalogOffer o, CatalogOffer.EnergyTradeOffer eto, List<EnergyOffer> out)
      throws TradeCodecException {
    String offerId = Wave2ContractReader.required(o.id(), o.pathOf("id"));
    DegContract dc =
        Wave2ContractReader.required(eto.contractAttributes(), eto.pathOf("contractAttributes"));
    String discom =
        Wave2ContractReader.required(
            dc.participantIdOf(DegContract.SELLER_DISCOM).orElse(null), dc.pathOf("roles"));
    String meter =
        o.resourceIds().isEmpty()
            ? null
            : cat.resource(o.resourceIds().get(0)).map(r -> r.meterId()).orElse(null);
    meter =
        Wave2ContractReader.required(
            meter != null ? meter : o.providerMeterId(), o.pathOf("resourceIds"));
    String provider =
        o.providerId() != null
            ? o.providerId()
            : cat.providerId() != null
                ? cat.providerId()
                : dc.participantIdOf(DegContract.SELLER_PLATFORM).orElse(null);
    TimeSeries ts =
        Wave2ContractReader.required(
            eto.commitmentAttributes(), eto.pathOf("commitmentAttributes"));
    String currency =
        Wave2ContractReader.required(
            ts.descriptor(TimeSeries.PRICE_PER_KWH)
                .map(TimeSeries.PayloadDescriptor::currency)
                .orElse(null),
            ts.pathOf("payloadDescriptors"));
    try {
      MeterPoint seller = new MeterPoint(meter, discom);
      var from =
          OffsetDateTime.parse(
                  Wave2ContractReader.required(eto.validFrom(), eto.pathOf("validityWindow")))
              .toInstant();
      var until =
          OffsetDateTime.parse(
                  Wave2ContractReader.required(eto.validUntil(), eto.pathOf("validityWindow")))
              .toInstant();
      for (TimeSeries.Interval in : ts.intervals()) {
        TimeSeries.Slot s = in == null || in.id() == null ? null : ts.slotOf(in).orElse(null);
        BigDecimal price = in == null ? null : in.number(TimeSeries.PRICE_PER_KWH).orElse(null);
        BigDecimal max = in == null ? null : in.number(TimeSeries.AVAILABLE_QTY).orElse(null);
        if (s == null || price == null || max == null) {
          throw new TradeCodecException(
              in == null ? ts.pathOf("intervals") : in.path(),
              "needs a slot, PRICE_PER_KWH and AVAILABLE_QTY");
        }
        out.add(
            new EnergyOffer(
                offerId,
                Wave2ContractReader.required(provider, o.pathOf("provider")),
                seller,
                new DeliverySlot(s.start(), s.start().plus(s.duration())),
                new UnitPrice(price, Currency.getInstance(currency)),
                max,
                from,
                until));
      }
    } catch (RuntimeException e) {
      throw new TradeCodecException(o.path(), e.getMessage(), e);
    }
  }
}
