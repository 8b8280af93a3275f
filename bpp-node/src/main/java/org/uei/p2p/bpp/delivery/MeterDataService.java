package org.uei.p2p.bpp.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import org.uei.p2p.market.meter.ImportReport;
import org.uei.p2p.market.meter.MeterDataImporter;
import org.uei.p2p.market.meter.MeterReadingStore;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.model.trade.DeliverySlot;

/**
 * Meter data ingestion on the node: energy-market's importer over the node's meter directory and
 * database store. An import is one transaction, so a failure half-way stores nothing; rows the
 * importer rejects are reported and the good ones stored.
 */
@ApplicationScoped
public class MeterDataService {

  @Inject AgroalDataSource dataSource;
  @Inject DeliveryConfig config;
  @Inject org.uei.p2p.bpp.config.BppConfig bppConfig;
  @Inject jakarta.enterprise.event.Event<MeterDataImported> imported;

  /** Imports an MDMS batch CSV. */
  @Transactional
  public ImportReport importCsv(Reader csv) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      return fired(importer(c).importCsv(csv));
    } catch (SQLException e) {
      throw new IllegalStateException("meter data import failed: " + e.getMessage(), e);
    }
  }

  /** Imports the JSON ingestion shape {@code {"readings":[...]}}. */
  @Transactional
  public ImportReport importJson(InputStream json) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      return fired(importer(c).importJson(json));
    } catch (SQLException e) {
      throw new IllegalStateException("meter data import failed: " + e.getMessage(), e);
    }
  }

  /** A meter's energy in a slot, from the stored blocks. */
  @Transactional
  public SlotEnergy energy(String meterId, DeliverySlot slot) {
    try (Connection c = dataSource.getConnection()) {
      return store(c).energy(meterId, slot);
    } catch (SQLException e) {
      throw new IllegalStateException("reading meter data failed: " + e.getMessage(), e);
    }
  }

  /**
   * {@code discomId}'s allocation of its meters' stored energy over {@code trades} (every trade
   * sharing a meter and slot must be among them for pro-rata shares to be right).
   */
  @Transactional
  public java.util.List<org.uei.p2p.model.trade.Allocation> allocate(
      String discomId, java.util.List<org.uei.p2p.model.trade.Trade> trades) {
    try (Connection c = dataSource.getConnection()) {
      return new org.uei.p2p.market.allocation.DiscomAllocationRun(
              new org.uei.p2p.market.meter.SlotAggregator(store(c)), config.allocationMethod())
          .allocate(discomId, trades);
    } catch (SQLException e) {
      throw new IllegalStateException("allocation failed: " + e.getMessage(), e);
    }
  }

  /**
   * Stores one block as it is, unless it conflicts with a stored one (see {@link
   * MeterReadingStore#put}).
   */
  @Transactional
  public MeterReadingStore.PutResult put(org.uei.p2p.model.trade.MeterReading reading) {
    try (Connection c = dataSource.getConnection()) {
      return store(c).put(reading);
    } catch (SQLException e) {
      throw new IllegalStateException("storing a meter block failed: " + e.getMessage(), e);
    }
  }

  private ImportReport fired(ImportReport report) {
    imported.fire(new MeterDataImported(report));
    return report;
  }

  /** A store on {@code c}, for callers already holding a connection in a transaction. */
  static MeterReadingStore store(Connection c) {
    return new JdbcMeterReadingStore(c);
  }

  private MeterDataImporter importer(Connection c) {
    return new MeterDataImporter(
        new NodeMeterDirectory(
            c, bppConfig.utilityMode() ? bppConfig.utility().discomId().orElse(null) : null),
        store(c),
        ZoneId.of(config.zone()));
  }
}
