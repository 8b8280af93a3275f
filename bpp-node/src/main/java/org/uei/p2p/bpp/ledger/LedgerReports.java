package org.uei.p2p.bpp.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.uei.p2p.market.ledger.LedgerRecord;
import org.uei.p2p.market.ledger.MetricType;
import org.uei.p2p.model.codec.Wave2LedgerReport;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Context;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.outbox.CallbackOutbox;
import org.uei.p2p.node.store.Causes;
import org.uei.p2p.registry.Registry;

/**
 * The ledger's allocation reports to the platforms: for each transaction, the allocations of this
 * ledger's DISCOM's side(s) go to the platform of each side the DISCOM serves, as one {@link
 * Wave2LedgerReport} on_status per platform through the outbox. Each record side goes to a platform
 * once: the line is stored under a primary key in the same transaction as the outbox entry, so a
 * second run, a repeated answer or another instance finds it taken and sends nothing.
 */
@ApplicationScoped
public class LedgerReports {

  @Inject LedgerService ledger;
  @Inject LedgerContracts contracts;
  @Inject Registry registry;
  @Inject CallbackOutbox outbox;
  @Inject NodeIdentity identity;
  @Inject NodeConfig node;

  /**
   * Reports what is allocated and not reported yet in {@code transactionIds}.
   *
   * @return the number of reports queued
   */
  public int report(Collection<String> transactionIds) {
    int sent = 0;
    for (String txn : new TreeSet<>(transactionIds)) {
      try {
        sent += QuarkusTransaction.requiringNew().call(() -> reportOne(txn));
      } catch (RuntimeException e) {
        if (!Causes.isConstraintViolation(e)) {
          throw e;
        }
        Log.debugf("transaction %s: another run reported first", txn);
      }
    }
    return sent;
  }

  private int reportOne(String txn) {
    Optional<String> contractId = contracts.contractOf(txn);
    if (contractId.isEmpty()) {
      Log.warnf(
          "transaction %s: allocated, not reported: the seller platform named no contract"
              + " (clientReference of its puts)",
          txn);
      return 0;
    }
    String discom = ledger.discomId();
    Map<String, List<Wave2LedgerReport.Line>> byPlatform = new LinkedHashMap<>();
    String network = null;
    for (LedgerEntry e : LedgerEntry.<LedgerEntry>list("transactionId", txn)) {
      LedgerRecord r = e.record();
      network = network != null ? network : r.networkId();
      List<TradeSide> own =
          List.of(TradeSide.SELLER, TradeSide.BUYER).stream()
              .filter(s -> discom.equals(r.discomId(s)))
              .toList();
      for (TradeSide side : own) {
        Optional<BigDecimal> kwh = r.metric(side, actual(side));
        if (kwh.isEmpty()) {
          continue;
        }
        for (TradeSide to : own) {
          String platform = r.platformId(to);
          if (!reported(txn, r.orderItemId(), side, platform)) {
            byPlatform
                .computeIfAbsent(platform, p -> new ArrayList<>())
                .add(
                    new Wave2LedgerReport.Line(
                        r.orderItemId(),
                        side,
                        r.deliveryStartTime(),
                        r.deliveryEndTime(),
                        kwh.get(),
                        Wave2LedgerReport.COMPLETED));
          }
        }
      }
    }
    String networkId = network != null ? network : node.networkId().orElse(identity.domain());
    for (Map.Entry<String, List<Wave2LedgerReport.Line>> p : byPlatform.entrySet()) {
      send(txn, networkId, contractId.get(), p.getKey(), p.getValue());
    }
    return byPlatform.size();
  }

  private void send(
      String txn,
      String networkId,
      String contractId,
      String platform,
      List<Wave2LedgerReport.Line> lines) {
    String url = url(platform);
    String messageId = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (Wave2LedgerReport.Line l : lines) {
      // The key stops a second report of the line; a race loses here and rolls back its message.
      Panache.getEntityManager()
          .createNativeQuery(
              "insert into ledger_report_line (transaction_id, order_item_id, side, platform_id,"
                  + " allocated_kwh, message_id, reported_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .setParameter(1, txn)
          .setParameter(2, l.orderItemId())
          .setParameter(3, l.side().name())
          .setParameter(4, platform)
          .setParameter(5, l.kwh())
          .setParameter(6, messageId)
          .setParameter(7, now)
          .executeUpdate();
    }
    ObjectNode context =
        JsonNodeFactory.instance
            .objectNode()
            .put("networkId", networkId)
            .put("version", Wave2Context.VERSION)
            .put("action", Wave2Action.ON_STATUS.wireName())
            .put("bapId", platform)
            .put("bapUri", url)
            .put("bppId", identity.subscriberId())
            .put("bppUri", identity.publicUrl())
            .put("transactionId", txn)
            .put("messageId", messageId)
            .put("timestamp", now.toString())
            .put("ttl", Wave2Contexts.DEFAULT_TTL.toString());
    ObjectNode message = JsonNodeFactory.instance.objectNode();
    message.set("contract", Wave2LedgerReport.write(contractId, lines).toJson());
    outbox.enqueue(url, platform, Wave2Envelope.of(context, Wave2Message.of(message)));
    Log.infof(
        "transaction %s: reported %d allocation(s) of contract %s to %s",
        txn, lines.size(), contractId, platform);
  }

  private boolean reported(String txn, String item, TradeSide side, String platform) {
    return ((Number)
                Panache.getEntityManager()
                    .createNativeQuery(
                        "select count(*) from ledger_report_line where transaction_id = ?1"
                            + " and order_item_id = ?2 and side = ?3 and platform_id = ?4")
                    .setParameter(1, txn)
                    .setParameter(2, item)
                    .setParameter(3, side.name())
                    .setParameter(4, platform)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /** The platform's registered Beckn URL ({@code subscriber_url}). */
  String url(String subscriberId) {
    try {
      return registry
          .urlOf(subscriberId, Instant.now())
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "the registry has no active record with a URL for '" + subscriberId + "'"));
    } catch (org.uei.p2p.registry.RegistryException e) {
      throw new IllegalStateException(
          "the registry could not be asked for '" + subscriberId + "': " + e.getMessage(), e);
    }
  }

  static MetricType actual(TradeSide side) {
    return side == TradeSide.BUYER ? MetricType.ACTUAL_PULLED : MetricType.ACTUAL_PUSHED;
  }
}
