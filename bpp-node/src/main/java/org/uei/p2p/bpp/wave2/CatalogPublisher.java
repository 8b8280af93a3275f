package org.uei.p2p.bpp.wave2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uei.p2p.model.discovery.DiscoverFilter;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.outbox.OutboxEntry;
import org.uei.p2p.node.outbox.OutboxStatus;
import org.uei.p2p.node.store.Causes;
import org.uei.p2p.node.store.SingletonJobs;
import org.uei.p2p.node.wire.Wires;

/**
 * Publishes this seller platform's wave-2 catalog (the one an unfiltered discover answers with) to
 * the network's catalog discovery service ({@code uei.bpp.wave2.catalog-service-url}) as a signed
 * catalog/publish through the outbox: at start, and whenever the catalog differs from what was last
 * published (a new or withdrawn offer, energy sold or given back, an offer whose validity ended),
 * and again when the last publish expired in the outbox undelivered. A publish the service refused
 * (NACK) is not repeated until the catalog changes: it would be refused again.
 *
 * <p>Changes are found by comparing the catalog's SHA-256 with the last published one every {@code
 * uei.bpp.wave2.publish-every}, on the instance that runs the singleton jobs: at most one publish
 * per period, however many confirms came in. The catalog row's lock is taken before the catalog is
 * read and the publish is queued in that transaction, so a change is published once even when two
 * instances look at the same time, and never overtaken by an older view.
 */
@ApplicationScoped
public class CatalogPublisher {

  /** The packs a published catalog uses. */
  static final List<String> SCHEMA_CONTEXT =
      List.of(
          "https://schema.nfh.global/EnergyTradeOffer/v2.0/context.jsonld",
          "https://schema.nfh.global/EnergyResource/v2.0/context.jsonld",
          "https://schema.nfh.global/EnergyCustomer/v2.0/context.jsonld",
          "https://schema.nfh.global/DEGContract/v2.0/context.jsonld",
          "https://schema.nfh.global/BecknTimeSeries/v1.0/context.jsonld");

  /** How many past publishes an on_publish may still answer. */
  static final int ANSWERABLE = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject Wave2Config config;
  @Inject NodeConfig node;
  @Inject NodeIdentity identity;
  @Inject Wave2Catalog catalog;
  @Inject CallbackOutbox outbox;
  @Inject SingletonJobs singletonJobs;

  /** Whether a catalog service is configured. */
  public boolean enabled() {
    return config.catalogServiceUrl().isPresent();
  }

  /** The catalog service's subscriber id, the only signer of an accepted on_publish. */
  public String serviceId() {
    return config.catalogServiceId().orElseThrow();
  }

  void start(@Observes StartupEvent event) {
    if (!enabled()) {
      return;
    }
    if (config.catalogServiceId().isEmpty()
        || node.networkId().isEmpty()
        || !Wires.parse(node.wire()).contains(WireGeneration.IES_WAVE2)) {
      throw new IllegalStateException(
          "uei.bpp.wave2.catalog-service-url needs uei.bpp.wave2.catalog-service-id,"
              + " uei.network-id and wave2 in uei.wire");
    }
    requestRepublish();
  }

  /** Has the catalog published at the next check even if unchanged. */
  public void requestRepublish() {
    String id = catalog.catalogId();
    if (QuarkusTransaction.requiringNew()
        .call(() -> CatalogPublication.update("republish = true where catalogId = ?1", id) > 0)) {
      return;
    }
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                CatalogPublication p = new CatalogPublication();
                p.catalogId = id;
                p.republish = true;
                p.persist();
              });
    } catch (RuntimeException e) {
      if (!Causes.isConstraintViolation(e)) {
        throw e;
      }
      // Another instance created the row at the same moment; it asks for a publish as well.
      QuarkusTransaction.requiringNew()
          .run(() -> CatalogPublication.update("republish = true where catalogId = ?1", id));
    }
  }

  @NodeJob
  @Scheduled(
      every = "${uei.bpp.wave2.publish-every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    if (!enabled() || !singletonJobs.runHere()) {
      return;
    }
    try {
      publishIfChanged();
    } catch (RuntimeException e) {
      // The next check tries again with the catalog as it is then.
      Log.warnf(e, "catalog publish to %s not queued", config.catalogServiceUrl().get());
    }
  }

  /**
   * Queues a catalog/publish if the catalog changed since the last one or a republish was asked.
   *
   * @return whether one was queued
   */
  @Transactional
  public boolean publishIfChanged() {
    CatalogPublication p =
        CatalogPublication.findById(catalog.catalogId(), LockModeType.PESSIMISTIC_WRITE);
    if (p == null) {
      return false; // the row is made at start; without it there is nothing to lock yet
    }
    Wave2Message message = catalog.discover(DiscoverFilter.matchAll());
    String fingerprint = sha256(message);
    if (!p.republish && fingerprint.equals(p.fingerprint) && !expired(p.outboxId)) {
      return false;
    }
    var context =
        Wave2Contexts.newRequest(
            Wave2Action.CATALOG_PUBLISH,
            new Wave2Contexts.Parties(
                node.networkId().orElseThrow(),
                null,
                null,
                identity.subscriberId(),
                identity.publicUrl()),
            null,
            node.ttl(),
            SCHEMA_CONTEXT,
            Clock.systemUTC());
    Wave2Envelope publish = Wave2Envelope.of(context, message);
    p.outboxId = outbox.enqueue(config.catalogServiceUrl().get(), serviceId(), publish);
    Instant now = Instant.now();
    p.generation++;
    p.fingerprint = fingerprint;
    p.republish = false;
    p.publishedAt = now;
    p.messageId = publish.context().messageId();
    PublishRecord r = new PublishRecord();
    r.messageId = p.messageId;
    r.catalogId = p.catalogId;
    r.generation = p.generation;
    r.sentAt = now;
    r.persist();
    PublishRecord.delete(
        "catalogId = ?1 and generation <= ?2", p.catalogId, p.generation - ANSWERABLE);
    Log.infof(
        "catalog %s published to %s (generation %d, %d offers)",
        p.catalogId,
        config.catalogServiceUrl().get(),
        p.generation,
        message.catalogs().get(0).offers().size());
    return true;
  }

  /**
   * What an operator needs to see: the service, and per catalog the last publish, whether the
   * service took delivery of it (the outbox's state, with a NACK's reason) and its latest result.
   */
  @Transactional
  public Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("catalogServiceUrl", config.catalogServiceUrl().orElse(null));
    out.put("catalogServiceId", config.catalogServiceId().orElse(null));
    List<Map<String, Object>> catalogs = new ArrayList<>();
    for (CatalogPublication p : CatalogPublication.<CatalogPublication>listAll()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("catalogId", p.catalogId);
      c.put("generation", p.generation);
      c.put("publishedAt", p.publishedAt == null ? null : p.publishedAt.toString());
      c.put("messageId", p.messageId);
      OutboxEntry sent = p.outboxId == null ? null : OutboxEntry.findById(p.outboxId);
      c.put("delivery", sent == null ? null : sent.status.name());
      c.put("deliveryError", sent == null ? null : sent.lastError);
      c.put("result", p.resultStatus);
      c.put("resultGeneration", p.resultGeneration);
      c.put("resultErrors", p.resultErrors == null ? List.of() : p.resultErrors.lines().toList());
      c.put("resultAt", p.resultAt == null ? null : p.resultAt.toString());
      catalogs.add(c);
    }
    out.put("catalogs", catalogs);
    return out;
  }

  /**
   * Whether the publish in outbox row {@code id} was given up undelivered (the service was down
   * longer than {@code uei.outbox.max-age}): the service may have lost the catalog since.
   */
  private static boolean expired(Long id) {
    OutboxEntry e = id == null ? null : OutboxEntry.findById(id);
    return e != null && e.status == OutboxStatus.EXPIRED;
  }

  private static String sha256(Wave2Message message) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(message.toJson());
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint the catalog", e);
    }
  }
}
