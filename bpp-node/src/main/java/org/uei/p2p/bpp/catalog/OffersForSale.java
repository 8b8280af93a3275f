package org.uei.p2p.bpp.catalog;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.uei.p2p.model.trade.MeterPoint;

/**
 * Offers with the prosumer who makes each, read in one plain statement: admission looks both up for
 * every line of every select, init and confirm, where two entity finds and the session around them
 * cost more than the read itself. What it returns are detached copies, for reading only: nothing
 * written to them is stored. Everything that changes an offer goes through {@link CatalogService}
 * and {@link OfferInventory}.
 */
@ApplicationScoped
public class OffersForSale {

  /** An offer and its prosumer as stored when read. */
  public record OfferForSale(SlotOffer offer, Prosumer prosumer) {

    /** The meter and DISCOM that deliver the offer's energy. */
    public MeterPoint sellerMeter() {
      return new MeterPoint(prosumer.meterId, prosumer.discomId);
    }
  }

  private final AgroalDataSource dataSource;

  @Inject
  public OffersForSale(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The offer {@code offerId} with its prosumer, on the caller's transaction if it has one. */
  public Optional<OfferForSale> find(String offerId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT o.id, o.prosumer_id, o.network_id, o.slot_start, o.slot_end,"
                    + " o.price_per_kwh, o.currency, o.max_kwh, o.available_kwh, o.valid_from,"
                    + " o.valid_until, o.status, o.updated_at, p.name, p.meter_id, p.discom_id,"
                    + " p.state_code, p.installed_capacity_kw, p.source_type, p.created_at,"
                    + " p.credential"
                    + " FROM slot_offer o JOIN prosumer p ON p.id = o.prosumer_id WHERE o.id = ?")) {
      s.setString(1, offerId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read offer " + offerId + ": " + e.getMessage(), e);
    }
  }

  private static OfferForSale read(ResultSet r) throws SQLException {
    SlotOffer o = new SlotOffer();
    o.id = r.getString(1);
    o.prosumerId = r.getString(2);
    o.networkId = r.getString(3);
    o.slotStart = instant(r, 4);
    o.slotEnd = instant(r, 5);
    o.pricePerKwh = r.getBigDecimal(6);
    o.currency = r.getString(7);
    o.maxKwh = r.getBigDecimal(8);
    o.availableKwh = r.getBigDecimal(9);
    o.validFrom = instant(r, 10);
    o.validUntil = instant(r, 11);
    o.status = OfferStatus.valueOf(r.getString(12));
    o.updatedAt = instant(r, 13);
    Prosumer p = new Prosumer();
    p.id = o.prosumerId;
    p.name = r.getString(14);
    p.meterId = r.getString(15);
    p.discomId = r.getString(16);
    p.stateCode = r.getString(17);
    p.installedCapacityKw = r.getBigDecimal(18);
    p.sourceType = r.getString(19);
    p.createdAt = instant(r, 20);
    p.credential = r.getString(21);
    return new OfferForSale(o, p);
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    return r.getObject(column, OffsetDateTime.class).toInstant();
  }
}
