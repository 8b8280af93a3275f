package org.uei.p2p.bpp.ledger;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.market.ledger.LedgerRecord;
import org.uei.p2p.market.ledger.LedgerStatus;
import org.uei.p2p.market.ledger.LedgerStore;
import org.uei.p2p.market.ledger.ValidationMetric;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.TradeContract;
import org.uei.p2p.model.codec.Wave2Codec;
import org.uei.p2p.model.envelope.ErrorCode;
import org.uei.p2p.model.trade.Allocation;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Contract;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.handler.InboundRejection;

/**
 * What a platform tells the ledger about the other DISCOM: a platform party to this ledger's
 * records of the transaction sends the contract with the other DISCOM's allocations (BUYER figures
 * from the seller platform, SELLER figures from the buyer platform, or both in the settled
 * contract). The ledger records them as that side's ACTUAL_PULLED / ACTUAL_PUSHED, status
 * COMPLETED, once: the same figure again changes nothing, another is refused. Figures of the
 * ledger's own DISCOM's side come only from its DISCOM, never from a platform, and are passed over.
 * The ledger does not report what it learnt this way to anyone.
 */
@ApplicationScoped
public class PlatformFigures {

  private static final int ATTEMPTS = 5;

  /** One figure to record. */
  record Figure(String orderItemId, TradeSide side, BigDecimal kwh) {}

  @Inject LedgerService ledger;
  @Inject LedgerContracts contracts;
  @Inject JpaLedgerStore store;

  /** Whether {@code m}'s sender is a platform of this ledger's records of its transaction. */
  boolean partyTo(InboundMessage m) {
    String sender = m.senderId();
    return records(m.wave2Context().transactionId()).stream()
        .anyMatch(r -> sender.equals(r.platformIdBuyer()) || sender.equals(r.platformIdSeller()));
  }

  List<Figure> check(InboundMessage m) throws InboundRejection {
    String txn = m.wave2Context().transactionId();
    List<LedgerRecord> records = records(txn);
    String sender = m.senderId();
    if (records.stream()
        .noneMatch(
            r -> sender.equals(r.platformIdBuyer()) || sender.equals(r.platformIdSeller()))) {
      throw InboundRejection.badRequest(
          ErrorCode.ORDER_NOT_FOUND,
          "'" + sender + "' is a platform of no trade of transaction " + txn + " at this ledger",
          "context.bppId");
    }
    Contract c = m.wave2().message().contract();
    Optional<String> known = contracts.contractOf(txn);
    if (c == null || (known.isPresent() && !known.get().equals(c.id()))) {
      throw InboundRejection.badRequest(
          ErrorCode.ORDER_NOT_FOUND,
          "transaction " + txn + " is contract '" + known.orElse("?") + "' at this ledger",
          c == null ? "message.contract" : c.pathOf("id"));
    }
    TradeContract tc;
    try {
      tc = new Wave2Codec(null, List.of()).contract(m.wave2().message());
    } catch (TradeCodecException e) {
      throw new InboundRejection(400, e.error(), Map.of());
    }
    String discom = ledger.discomId();
    String prefix = c.id() + "/";
    List<Figure> out = new ArrayList<>();
    for (Allocation a : tc.allocations()) {
      String item = a.tradeId().startsWith(prefix) ? a.tradeId().substring(prefix.length()) : "";
      LedgerRecord r =
          records.stream().filter(x -> x.orderItemId().equals(item)).findFirst().orElse(null);
      if (r == null) {
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            "trade " + a.tradeId() + " has no record at this ledger",
            c.pathOf("commitments"));
      }
      if (discom.equals(r.discomId(a.side()))) {
        continue; // this DISCOM's own side: only the DISCOM's meter data counts
      }
      Optional<BigDecimal> had = r.metric(a.side(), LedgerReports.actual(a.side()));
      if (had.isPresent() && had.get().compareTo(a.allocatedKwh()) != 0) {
        throw InboundRejection.badRequest(
            ErrorCode.INVALID_REQUEST,
            a.side()
                + " allocation of trade "
                + a.tradeId()
                + " is recorded as "
                + had.get().toPlainString()
                + " kWh; "
                + a.allocatedKwh().toPlainString()
                + " is refused",
            c.pathOf("commitments"));
      }
      if (had.isEmpty()) {
        out.add(new Figure(item, a.side(), a.allocatedKwh()));
      }
    }
    return out;
  }

  void handle(InboundMessage m) throws InboundRejection {
    String txn = m.wave2Context().transactionId();
    for (Figure f : check(m)) {
      record(txn, f);
    }
  }

  // The version check makes the first figure win; a loser re-reads and finds it recorded.
  private void record(String txn, Figure f) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        store.inTransaction(
            () -> {
              LedgerRecord r = store.find(txn, f.orderItemId()).orElseThrow();
              Optional<BigDecimal> had = r.metric(f.side(), LedgerReports.actual(f.side()));
              if (had.isPresent()) {
                if (had.get().compareTo(f.kwh()) != 0) {
                  Log.warnf(
                      "transaction %s item %s: %s figure %s refused, %s was recorded first",
                      txn, f.orderItemId(), f.side(), f.kwh(), had.get());
                }
                return null;
              }
              List<ValidationMetric> metrics = new ArrayList<>(r.metrics(f.side()));
              metrics.add(new ValidationMetric(LedgerReports.actual(f.side()), f.kwh()));
              Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
              LedgerRecord.Builder b = r.toBuilder().updatedAt(now).version(r.version() + 1);
              if (f.side() == TradeSide.BUYER) {
                b.buyerMetrics(metrics)
                    .statusBuyerDiscom(LedgerStatus.COMPLETED)
                    .buyerDiscomUpdatedAt(now);
              } else {
                b.sellerMetrics(metrics)
                    .statusSellerDiscom(LedgerStatus.COMPLETED)
                    .sellerDiscomUpdatedAt(now);
              }
              store.update(b.build());
              return null;
            });
        return;
      } catch (LedgerStore.ConcurrentWriteException e) {
        Log.debugf("transaction %s item %s written concurrently, again", txn, f.orderItemId());
      }
    }
    Log.warnf(
        "transaction %s item %s: figure not recorded after %d tries",
        txn, f.orderItemId(), ATTEMPTS);
  }

  private List<LedgerRecord> records(String txn) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                LedgerEntry.<LedgerEntry>list("transactionId", txn).stream()
                    .map(LedgerEntry::record)
                    .toList());
  }
}
