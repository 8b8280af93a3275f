package org.uei.p2p.bpp.console;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.bpp.cascade.CascadeLeg;
import org.uei.p2p.bpp.cascade.CascadeRequest;
import org.uei.p2p.bpp.cascade.CascadeState;
import org.uei.p2p.bpp.cascade.LegState;

/**
 * The seller platform's cascades to DISCOM utility nodes, wave 1 and wave 2 alike (they share the
 * {@link CascadeRequest} and {@link CascadeLeg} tables): one page of cascades, newest first, and
 * the legs of exactly those cascades, in two queries that never read the stored bodies.
 */
@ApplicationScoped
public class CascadeViews {

  /** Cascades per page. */
  static final int PAGE_SIZE = 50;

  /** One utility's leg of a cascade. */
  @TemplateData
  public record Leg(
      String messageId,
      String discomId,
      String utilityId,
      String status,
      String detail,
      String utilityOrderId) {}

  /** One buyer init or confirm that waited (or waits) for the utilities. */
  @TemplateData
  public record Cascade(
      String id,
      String action,
      String wire,
      String status,
      String buyerTransactionId,
      String cascadeTransactionId,
      String orderId,
      Instant createdAt,
      Instant deadline,
      List<Leg> legs) {}

  /** A page of cascades, and whether another follows. */
  @TemplateData
  public record Page(List<Cascade> cascades, int page, boolean more) {}

  /** Page {@code page} (from 0) of the cascades, of one state when {@code status} is given. */
  @Transactional
  public Page page(CascadeState status, int page) {
    EntityManager em = CascadeRequest.getEntityManager();
    var q =
        em.createQuery(
            "select id, action, wire, status, buyerTransactionId, cascadeTransactionId, orderId,"
                + " createdAt, deadline from CascadeRequest"
                + (status == null ? "" : " where status = :status")
                + " order by createdAt desc, id",
            Object[].class);
    if (status != null) {
      q.setParameter("status", status);
    }
    List<Object[]> rows =
        q.setFirstResult(page * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1).getResultList();
    boolean more = rows.size() > PAGE_SIZE;
    rows = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
    Map<String, List<Leg>> legs = new LinkedHashMap<>();
    rows.forEach(r -> legs.put((String) r[0], new ArrayList<>()));
    if (!legs.isEmpty()) {
      List<Object[]> found =
          em.createQuery(
                  "select cascadeId, messageId, discomId, utilityId, status, detail,"
                      + " utilityOrderId from CascadeLeg where cascadeId in :ids"
                      + " order by cascadeId, discomId",
                  Object[].class)
              .setParameter("ids", legs.keySet())
              .getResultList();
      for (Object[] l : found) {
        legs.get((String) l[0])
            .add(
                new Leg(
                    (String) l[1],
                    (String) l[2],
                    (String) l[3],
                    ((LegState) l[4]).name(),
                    (String) l[5],
                    (String) l[6]));
      }
    }
    List<Cascade> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Cascade(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              ((CascadeState) r[3]).name(),
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (Instant) r[7],
              (Instant) r[8],
              legs.get((String) r[0])));
    }
    return new Page(out, page, more);
  }
}
