package org.uei.p2p.conformance.bpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceCase;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.http.Inbound;

/**
 * What the kit's ledgers saw after confirm: the seller's {@code /ledger/put} at the seller DISCOM's
 * ledger, with the confirmed trade's facts, and no on_confirm while its answer was held.
 */
final class Wave2LedgerChecks {

  private final KitLedgers ledgers;
  private final Wave2Trade trade;
  private final String transactionId;

  Wave2LedgerChecks(KitLedgers ledgers, Wave2Trade trade, String transactionId) {
    this.ledgers = ledgers;
    this.trade = trade;
    this.transactionId = transactionId;
  }

  private List<Exchange> evidence() {
    List<Exchange> ev = new ArrayList<>();
    for (Inbound m : ledgers.received()) {
      ev.add(m.evidence("ledger " + m.action()));
    }
    return ev;
  }

  CaseResult forwarded(ConformanceCase c) {
    List<KitLedgers.Put> puts = ledgers.sellerPuts();
    List<Exchange> ev = evidence();
    if (puts.isEmpty()) {
      if (!ledgers.buyerPuts().isEmpty()) {
        return CaseResult.failed(
            c,
            "the seller wrote to the buyer DISCOM's ledger ("
                + trade.buyerLedger().discomId()
                + ", "
                + trade.buyerLedger().ledgerUri()
                + ") instead of the seller DISCOM's ("
                + trade.sellerLedger().discomId()
                + ", "
                + trade.sellerLedger().ledgerUri()
                + ")",
            ev);
      }
      boolean unsigned = ledgers.received().stream().anyMatch(m -> !m.signature().valid());
      return CaseResult.failed(
          c,
          unsigned
              ? "the ledger write failed signature verification; the kit's ledger answered 401"
              : "no POST /ledger/put reached the seller DISCOM's ledger at "
                  + trade.sellerLedger().ledgerUri(),
          ev);
    }
    JsonNode put = puts.get(0).request().tree();
    List<String> wrong = new ArrayList<>();
    expect(wrong, put, "role", "SELLER");
    expect(wrong, put, "transactionId", transactionId);
    expect(wrong, put, "platformIdSeller", trade.sellerPlatformId());
    expectIfPresent(wrong, put, "platformIdBuyer", trade.buyerPlatformId());
    expectIfPresent(wrong, put, "discomIdSeller", trade.sellerLedger().discomId());
    expectIfPresent(wrong, put, "discomIdBuyer", trade.buyerLedger().discomId());
    Instant start = Wave2Journey.instant(put.get("deliveryStartTime"));
    if (!trade.offer().slot().start().equals(start)) {
      wrong.add(
          "deliveryStartTime "
              + put.path("deliveryStartTime").asText("missing")
              + " (the contract's slot starts "
              + trade.offer().slot().start()
              + ")");
    }
    JsonNode detail = put.path("tradeDetails").path(0);
    same(wrong, detail, "tradeQty", trade.quantity());
    same(wrong, detail, "pricePerUnit", trade.offer().price().perKwh());
    if (!wrong.isEmpty()) {
      return CaseResult.failed(
          c, "the ledger write is not the confirmed contract: " + String.join("; ", wrong), ev);
    }
    return CaseResult.passed(
        c,
        "/ledger/put at the seller DISCOM's ledger, signed by "
            + trade.sellerPlatformId()
            + ", with the confirmed trade",
        ev);
  }

  CaseResult blocked(ConformanceCase c, Inbound onConfirm) {
    List<KitLedgers.Put> puts = ledgers.sellerPuts();
    List<Exchange> ev = evidence();
    ev.add(onConfirm.evidence("on_confirm"));
    if (puts.isEmpty()) {
      return CaseResult.notRun(c, "needs a ledger write; see " + Wave2BppCases.LEDGER_FORWARD.id());
    }
    KitLedgers.Put put = puts.get(0);
    if (onConfirm.receivedAt().isBefore(put.request().receivedAt())) {
      return CaseResult.failed(
          c,
          "on_confirm arrived at "
              + onConfirm.receivedAt()
              + ", before the ledger write at "
              + put.request().receivedAt(),
          ev);
    }
    if (!put.onConfirmsWhileHeld().isEmpty() || onConfirm.receivedAt().isBefore(put.answeredAt())) {
      return CaseResult.failed(
          c,
          "on_confirm arrived at "
              + onConfirm.receivedAt()
              + " while the ledger still held its answer (given at "
              + put.answeredAt()
              + ")",
          ev);
    }
    return CaseResult.passed(
        c,
        "on_confirm came "
            + Duration.between(put.answeredAt(), onConfirm.receivedAt()).toMillis()
            + " ms after the ledger's answer",
        ev);
  }

  private static void expect(List<String> wrong, JsonNode n, String field, String value) {
    String got = n.path(field).asText(null);
    if (!Objects.equals(value, got)) {
      wrong.add(
          field + " " + (got == null ? "missing" : "'" + got + "'") + ", not '" + value + "'");
    }
  }

  private static void expectIfPresent(List<String> wrong, JsonNode n, String field, String value) {
    if (n.has(field)) {
      expect(wrong, n, field, value);
    }
  }

  private static void same(List<String> wrong, JsonNode n, String field, BigDecimal value) {
    BigDecimal got = Wave2Journey.number(n.get(field));
    if (got == null || got.compareTo(value) != 0) {
      wrong.add(
          "tradeDetails[0]."
              + field
              + " "
              + (got == null ? "missing" : got.toPlainString())
              + ", not "
              + value.toPlainString());
    }
  }
}
