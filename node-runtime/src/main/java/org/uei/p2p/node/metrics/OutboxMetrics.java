package org.uei.p2p.node.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.uei.p2p.node.console.OutboxView;

/**
 * The callback outbox on {@code /q/metrics}: {@code uei_outbox_depth{kind}} (pending, retrying,
 * refused, expired) and {@code uei_outbox_oldest_seconds}, the age of the oldest callback still
 * being tried. Read from the database, so every instance sharing it reports the same figures.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

  private static final String OLDEST = "oldest";

  @Inject MeterRegistry registry;
  @Inject OutboxView outbox;

  private CachedGauges<String> figures;

  @PostConstruct
  void register() {
    figures = new CachedGauges<>(this::read, Duration.ofSeconds(5));
    for (OutboxView.Kind k : OutboxView.Kind.values()) {
      if (k == OutboxView.Kind.DELIVERED) {
        continue;
      }
      Gauge.builder("uei.outbox.depth", figures, f -> f.get(k.slug()))
          .tag("kind", k.slug())
          .description("Callbacks in the outbox, by kind")
          .register(registry);
    }
    Gauge.builder("uei.outbox.oldest", figures, f -> f.get(OLDEST))
        .baseUnit("seconds")
        .description("Age of the oldest callback still being tried")
        .register(registry);
  }

  private Map<String, Double> read() {
    Map<String, Double> out = new HashMap<>();
    outbox.counts().forEach((k, n) -> out.put(k.slug(), n.doubleValue()));
    out.put(OLDEST, outbox.oldestPendingAge(Instant.now()).toMillis() / 1000.0);
    return out;
  }
}
