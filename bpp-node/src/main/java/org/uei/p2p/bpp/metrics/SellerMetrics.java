package org.uei.p2p.bpp.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.bpp.cascade.CascadeLeg;
import org.uei.p2p.bpp.cascade.CascadeRequest;
import org.uei.p2p.bpp.cascade.CascadeState;
import org.uei.p2p.bpp.cascade.LegState;
import org.uei.p2p.bpp.delivery.MeterDataImported;
import org.uei.p2p.market.meter.ImportReport;
import org.uei.p2p.node.metrics.CachedGauges;

/**
 * The seller node's business figures on {@code /q/metrics}: meter data imports and their rows by
 * outcome ({@code uei_meterdata_imports_total}, {@code uei_meterdata_rows_total{outcome}}), and
 * cascades to the utilities by state, requests and legs ({@code uei_cascade_requests{state}},
 * {@code uei_cascade_legs{state}}, counted in the database so that every instance agrees).
 * Settlement runs are timed where they run ({@code uei_settlement_runs_seconds}).
 */
@Startup
@ApplicationScoped
public class SellerMetrics {

  @Inject MeterRegistry registry;

  private CachedGauges<String> cascades;

  @PostConstruct
  void register() {
    cascades =
        new CachedGauges<>(
            () -> QuarkusTransaction.requiringNew().call(SellerMetrics::readCascades),
            Duration.ofSeconds(5));
    for (CascadeState s : CascadeState.values()) {
      Gauge.builder("uei.cascade.requests", cascades, c -> c.get("request." + s.name()))
          .tag("state", s.name())
          .description("Buyer requests cascaded to utilities, by state")
          .register(registry);
    }
    for (LegState s : LegState.values()) {
      Gauge.builder("uei.cascade.legs", cascades, c -> c.get("leg." + s.name()))
          .tag("state", s.name())
          .description("Cascade legs (one per utility and request), by state")
          .register(registry);
    }
  }

  void imported(@Observes MeterDataImported event) {
    ImportReport r = event.report();
    registry.counter("uei.meterdata.imports").increment();
    registry.counter("uei.meterdata.rows", "outcome", "added").increment(r.added());
    registry.counter("uei.meterdata.rows", "outcome", "unchanged").increment(r.unchanged());
    registry.counter("uei.meterdata.rows", "outcome", "rejected").increment(r.rejections().size());
  }

  private static Map<String, Double> readCascades() {
    Map<String, Double> out = new HashMap<>();
    List<Object[]> requests =
        CascadeRequest.getEntityManager()
            .createQuery(
                "select r.status, count(r) from CascadeRequest r group by r.status", Object[].class)
            .getResultList();
    requests.forEach(row -> out.put("request." + row[0], ((Number) row[1]).doubleValue()));
    List<Object[]> legs =
        CascadeLeg.getEntityManager()
            .createQuery(
                "select l.status, count(l) from CascadeLeg l group by l.status", Object[].class)
            .getResultList();
    legs.forEach(row -> out.put("leg." + row[0], ((Number) row[1]).doubleValue()));
    for (CascadeState s : CascadeState.values()) {
      out.putIfAbsent("request." + s.name(), 0.0);
    }
    for (LegState s : LegState.values()) {
      out.putIfAbsent("leg." + s.name(), 0.0);
    }
    return out;
  }
}
