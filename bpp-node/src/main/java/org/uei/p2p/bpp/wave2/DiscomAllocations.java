package org.uei.p2p.bpp.wave2;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.model.trade.TradeSide;

/**
 * The DISCOMs' allocations of wave-2 contracts, per order line and side, and the claim that settles
 * a contract once. A side's first report of a line stands: a repeated or later on_status does not
 * change an allocation the settlement may already rest on. Every write runs in the caller's
 * transaction; the database's keys decide races between instances.
 */
@ApplicationScoped
public class DiscomAllocations {

  private static EntityManager em() {
    return Panache.getEntityManager();
  }

  /**
   * Keeps {@code kwh} per line number for {@code side} where that line has none yet. Locks the
   * order's row first and holds it to the end of the caller's transaction: the two sides' reports
   * of one contract arrive together, and each must see the other's rows once it reads them, or
   * neither would find the contract complete and it would never settle.
   */
  @Transactional
  public void record(String orderId, TradeSide side, Map<Integer, BigDecimal> kwh, String by) {
    lockOrder(orderId);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    kwh.forEach(
        (line, value) ->
            em().createNativeQuery(
                    "INSERT INTO wave2_discom_allocation"
                        + " (order_id, line_no, side, allocated_kwh, reported_by, received_at)"
                        + " SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM"
                        + " wave2_discom_allocation WHERE order_id = ?1 AND line_no = ?2"
                        + " AND side = ?3)")
                .setParameter(1, orderId)
                .setParameter(2, line)
                .setParameter(3, side.name())
                .setParameter(4, value)
                .setParameter(5, by)
                .setParameter(6, now)
                .executeUpdate());
  }

  /** Line number → allocated kWh, per side, of an order. */
  @Transactional
  public Map<TradeSide, Map<Integer, BigDecimal>> of(String orderId) {
    Map<TradeSide, Map<Integer, BigDecimal>> out = new EnumMap<>(TradeSide.class);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em().createNativeQuery(
                "SELECT side, line_no, allocated_kwh FROM wave2_discom_allocation"
                    + " WHERE order_id = ?1")
            .setParameter(1, orderId)
            .getResultList();
    for (Object[] r : rows) {
      out.computeIfAbsent(TradeSide.valueOf((String) r[0]), s -> new TreeMap<>())
          .put(((Number) r[1]).intValue(), new BigDecimal(r[2].toString()));
    }
    return out;
  }

  /**
   * Claims the settlement of an order: true for the one caller that may settle it, false when it is
   * settled already. Locks the order's row, so concurrent reports of one contract settle it once.
   */
  @Transactional
  public boolean claimSettlement(String orderId) {
    lockOrder(orderId);
    Number settled =
        (Number)
            em().createNativeQuery("SELECT COUNT(*) FROM wave2_settlement WHERE order_id = ?1")
                .setParameter(1, orderId)
                .getSingleResult();
    if (settled.longValue() > 0) {
      return false;
    }
    em().createNativeQuery("INSERT INTO wave2_settlement (order_id, settled_at) VALUES (?1, ?2)")
        .setParameter(1, orderId)
        .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
    return true;
  }

  private static void lockOrder(String orderId) {
    em().createNativeQuery("SELECT id FROM seller_order WHERE id = ?1 FOR UPDATE")
        .setParameter(1, orderId)
        .getResultList();
  }
}
