package org.uei.p2p.market.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.uei.p2p.market.ledger.LedgerException.Code;
import org.uei.p2p.market.ledger.LedgerResults.Outcome;
import org.uei.p2p.model.trade.TradeSide;

class LedgerTest {
  static final Instant START = Instant.parse("2026-03-02T05:30:00Z");
  static final Instant END = Instant.parse("2026-03-02T06:30:00Z");
  static final LedgerCaller BUYER = LedgerCaller.platform("bap.buyer.test");
  static final LedgerCaller SELLER = LedgerCaller.platform("bpp.seller.test");
  static final LedgerCaller STRANGER = LedgerCaller.platform("bap.other.test");
  static final LedgerCaller TPDDL = LedgerCaller.discom("utility.tpddl.test", "TPDDL");
  static final LedgerCaller PVVNL = LedgerCaller.discom("utility.pvvnl.test", "PVVNL");

  final InMemoryLedgerStore store = new InMemoryLedgerStore();
  final Ledger ledger =
      new Ledger(
          store, "TPDDL", Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

  /** A TPDDL consumer buying {@code kwh} from a PVVNL prosumer, put by the buyer platform. */
  static PutRequest buy(String txn, String buyerMeter, String kwh) {
    return put(LedgerRole.BUYER, txn, buyerMeter, "TPDDL", "PVVNL-P-1", "PVVNL", kwh);
  }

  /** A TPDDL prosumer selling {@code kwh} to a PVVNL consumer, put by the seller platform. */
  static PutRequest sell(String txn, String sellerMeter, String kwh) {
    return put(LedgerRole.SELLER, txn, "PVVNL-C-1", "PVVNL", sellerMeter, "TPDDL", kwh);
  }

  static PutRequest put(
      LedgerRole role,
      String txn,
      String buyerId,
      String discomBuyer,
      String sellerId,
      String discomSeller,
      String kwh) {
    return new PutRequest(
        role,
        txn,
        "item-1",
        null,
        BUYER.subscriberId(),
        SELLER.subscriberId(),
        discomBuyer,
        discomSeller,
        buyerId,
        sellerId,
        Instant.parse("2026-03-01T09:00:00Z"),
        START,
        END,
        List.of(
            new TradeDetail(
                TradeType.ENERGY,
                new BigDecimal(kwh),
                TradeUnit.KWH,
                new BigDecimal("6.50"),
                "INR")),
        null,
        null);
  }

  static LedgerException refused(Code code, Executable call) {
    LedgerException e = assertThrows(LedgerException.class, call);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  @Test
  void samePutTwiceIsOneRecordAndTheOtherPlatformMayRepeatTheFacts() {
    LedgerResults.Write first = ledger.put(BUYER, buy("tx-1", "TPDDL-C-1", "5"));
    assertEquals(Outcome.CREATED, first.outcome());
    assertTrue(first.record().recordId().startsWith("rec-"));
    LedgerResults.Write again = ledger.put(BUYER, buy("tx-1", "TPDDL-C-1", "5.000"));
    assertEquals(Outcome.UNCHANGED, again.outcome());
    assertEquals(first.record(), again.record());
    PutRequest b = buy("tx-1", "TPDDL-C-1", "5");
    PutRequest asSeller =
        new PutRequest(
            LedgerRole.SELLER,
            "tx-1",
            "item-1",
            first.record().recordId(),
            null,
            SELLER.subscriberId(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            b.tradeDetails(),
            null,
            "s-1");
    assertEquals(Outcome.UNCHANGED, ledger.put(SELLER, asSeller).outcome());
    assertEquals(1, store.size());
    assertEquals(
        first.record().rowDigest(), ledger.get(BUYER, LedgerQuery.all()).get(0).rowDigest());
  }

  @Test
  void aPutThatChangesATradeFactIsAConflictAndChangesNothing() {
    LedgerRecord r = ledger.put(BUYER, buy("tx-2", "TPDDL-C-1", "5")).record();
    LedgerException e =
        refused(Code.PRC_CONFLICT, () -> ledger.put(BUYER, buy("tx-2", "TPDDL-C-1", "6")));
    assertEquals("tradeDetails", e.field());
    e = refused(Code.PRC_CONFLICT, () -> ledger.put(BUYER, buy("tx-2", "TPDDL-C-2", "5")));
    assertEquals("buyerId", e.field());
    assertTrue(e.getMessage().contains("'TPDDL-C-1'"), e.getMessage());
    assertEquals(r, store.find("tx-2", "item-1").orElseThrow());
  }

  @Test
  void createNeedsEveryTradeFactAndThisLedgersDiscom() {
    PutRequest b = buy("tx-3", "TPDDL-C-1", "5");
    PutRequest partial =
        new PutRequest(
            LedgerRole.BUYER,
            "tx-3",
            "item-1",
            null,
            BUYER.subscriberId(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertEquals(
        "platformIdSeller",
        refused(Code.SCH_MISSING_REQUIRED, () -> ledger.put(BUYER, partial)).field());
    PutRequest foreign =
        put(LedgerRole.BUYER, "tx-3", "BRPL-C-1", "BRPL", "PVVNL-P-1", "PVVNL", "5");
    refused(Code.AUT_NOT_AUTHORIZED, () -> ledger.put(BUYER, foreign));
    PutRequest backwards =
        new PutRequest(
            LedgerRole.BUYER,
            "tx-3",
            "item-1",
            null,
            b.platformIdBuyer(),
            b.platformIdSeller(),
            "TPDDL",
            "PVVNL",
            "TPDDL-C-1",
            "PVVNL-P-1",
            null,
            END,
            START,
            b.tradeDetails(),
            null,
            null);
    assertEquals(
        "deliveryEndTime",
        refused(Code.SCH_FIELD_NOT_ALLOWED, () -> ledger.put(BUYER, backwards)).field());
    PutRequest zero = buy("tx-3", "TPDDL-C-1", "0");
    assertEquals(
        "tradeDetails[0].tradeQty",
        refused(Code.SCH_FIELD_NOT_ALLOWED, () -> ledger.put(BUYER, zero)).field());
    PutRequest huge = buy("tx-3", "TPDDL-C-1", "1234567890");
    assertEquals(
        "tradeDetails[0].tradeQty",
        refused(Code.SCH_FIELD_NOT_ALLOWED, () -> ledger.put(BUYER, huge)).field());
    assertEquals(0, store.size());
  }

  @Test
  void onlyTheTradesOwnPlatformsPutAndOnlyItsDiscomsRecord() {
    refused(Code.AUT_NOT_AUTHORIZED, () -> ledger.put(TPDDL, buy("tx-4", "TPDDL-C-1", "5")));
    refused(Code.AUT_NOT_AUTHORIZED, () -> ledger.put(STRANGER, buy("tx-4", "TPDDL-C-1", "5")));
    ledger.put(BUYER, buy("tx-4", "TPDDL-C-1", "5"));
    PutRequest b = buy("tx-4", "TPDDL-C-1", "5");
    PutRequest hijack =
        new PutRequest(
            LedgerRole.BUYER,
            "tx-4",
            "item-1",
            null,
            STRANGER.subscriberId(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    refused(Code.AUT_NOT_AUTHORIZED, () -> ledger.put(STRANGER, hijack));
    RecordRequest pulled = pulled("tx-4", "TPDDL", "4.5", null);
    refused(Code.AUT_NOT_AUTHORIZED, () -> ledger.record(BUYER, pulled));
    refused(
        Code.AUT_NOT_AUTHORIZED, () -> ledger.record(PVVNL, pulled("tx-4", "PVVNL", "4.5", null)));
    assertEquals(Outcome.UPDATED, ledger.record(TPDDL, pulled).outcome());
    assertEquals(
        b.tradeDetails().size(), store.find("tx-4", "item-1").orElseThrow().tradeDetails().size());
  }

  static RecordRequest pulled(String txn, String discom, String kwh, LedgerStatus status) {
    return new RecordRequest(
        LedgerRole.BUYER_DISCOM,
        txn,
        "item-1",
        null,
        discom,
        null,
        List.of(new ValidationMetric(MetricType.ACTUAL_PULLED, new BigDecimal(kwh))),
        null,
        status,
        null,
        null,
        null);
  }

  @Test
  void recordWritesOneSideAndRefusesTheOther() {
    ledger.put(BUYER, buy("tx-5", "TPDDL-C-1", "5"));
    refused(Code.PRC_NOT_FOUND, () -> ledger.record(TPDDL, pulled("tx-none", "TPDDL", "1", null)));
    RecordRequest noActual =
        new RecordRequest(
            LedgerRole.BUYER_DISCOM,
            "tx-5",
            "item-1",
            null,
            "TPDDL",
            null,
            List.of(new ValidationMetric(MetricType.AVAILABILITY, BigDecimal.ONE)),
            null,
            null,
            null,
            null,
            null);
    refused(Code.SCH_MISSING_REQUIRED, () -> ledger.record(TPDDL, noActual));
    RecordRequest both =
        new RecordRequest(
            LedgerRole.BUYER_DISCOM,
            "tx-5",
            "item-1",
            null,
            "TPDDL",
            null,
            pulled("tx-5", "TPDDL", "1", null).buyerMetrics(),
            null,
            null,
            LedgerStatus.COMPLETED,
            null,
            null);
    assertEquals(
        "statusSellerDiscom",
        refused(Code.SCH_FIELD_NOT_ALLOWED, () -> ledger.record(TPDDL, both)).field());
    LedgerRecord r =
        ledger.record(TPDDL, pulled("tx-5", "TPDDL", "4.5", LedgerStatus.COMPLETED)).record();
    assertEquals(
        0,
        new BigDecimal("4.5")
            .compareTo(r.metric(TradeSide.BUYER, MetricType.ACTUAL_PULLED).orElseThrow()));
    assertEquals(LedgerStatus.COMPLETED, r.statusBuyerDiscom());
    assertEquals(Optional.empty(), r.settledQty());
    assertEquals(
        Outcome.UNCHANGED, ledger.record(TPDDL, pulled("tx-5", "TPDDL", "4.50", null)).outcome());
    assertEquals(1, r.version());
  }

  @Test
  void allocationSharesAShortfallProRataAndWritesEverySide() {
    ledger.put(SELLER, sell("tx-a", "TPDDL-P-9", "6"));
    ledger.put(SELLER, sell("tx-b", "TPDDL-P-9", "4"));
    LedgerResults.Allocation a =
        ledger.allocate(
            TPDDL,
            new AllocateRequest(
                "TPDDL-P-9",
                "TPDDL",
                START,
                END,
                new BigDecimal("-8"),
                LedgerStatus.COMPLETED,
                "alloc-1"));
    assertEquals(2, a.totalMatched());
    assertEquals(0, new BigDecimal("8").compareTo(a.totalAllocated()));
    for (LedgerResults.Line l : a.allocations()) {
      assertEquals(TradeSide.SELLER, l.side());
      assertEquals(MetricType.ACTUAL_PUSHED, l.metricType());
      BigDecimal expected =
          l.tradeQty().compareTo(new BigDecimal("6")) == 0
              ? new BigDecimal("4.8")
              : new BigDecimal("3.2");
      assertEquals(0, expected.compareTo(l.allocatedQty()), l.toString());
      assertEquals(
          0,
          expected.compareTo(
              l.record().metric(TradeSide.SELLER, MetricType.ACTUAL_PUSHED).orElseThrow()));
      assertEquals(LedgerStatus.COMPLETED, l.record().statusSellerDiscom());
    }
    // More than contracted caps at the contract; the wrong direction allocates nothing.
    a =
        ledger.allocate(
            TPDDL,
            new AllocateRequest(
                "TPDDL-P-9", "TPDDL", START, END, new BigDecimal("-12.5"), null, null));
    assertEquals(0, new BigDecimal("10").compareTo(a.totalAllocated()));
    a =
        ledger.allocate(
            TPDDL,
            new AllocateRequest("TPDDL-P-9", "TPDDL", START, END, new BigDecimal("3"), null, null));
    assertEquals(0, BigDecimal.ZERO.compareTo(a.totalAllocated()));
  }

  @Test
  void allocationSettlesOnceBothSidesReportAndIsAllOrNothing() {
    ledger.put(
        BUYER, put(LedgerRole.BUYER, "tx-c", "TPDDL-C-7", "TPDDL", "TPDDL-P-7", "TPDDL", "5"));
    ledger.allocate(
        TPDDL,
        new AllocateRequest("TPDDL-C-7", "TPDDL", START, END, new BigDecimal("3.333"), null, null));
    ledger.allocate(
        TPDDL,
        new AllocateRequest("TPDDL-P-7", "TPDDL", START, END, new BigDecimal("-4"), null, null));
    LedgerRecord r = store.find("tx-c", "item-1").orElseThrow();
    assertEquals(0, new BigDecimal("3.33").compareTo(r.settledQty().orElseThrow()), r.toString());
    refused(
        Code.PRC_NOT_FOUND,
        () ->
            ledger.allocate(
                TPDDL,
                new AllocateRequest(
                    "TPDDL-C-7",
                    "TPDDL",
                    START,
                    END.plusSeconds(1800),
                    BigDecimal.ONE,
                    null,
                    null)));
    refused(
        Code.AUT_NOT_AUTHORIZED,
        () ->
            ledger.allocate(
                PVVNL,
                new AllocateRequest("TPDDL-C-7", "PVVNL", START, END, BigDecimal.ONE, null, null)));
    refused(
        Code.AUT_NOT_AUTHORIZED,
        () ->
            ledger.allocate(
                TPDDL,
                new AllocateRequest("TPDDL-C-7", "PVVNL", START, END, BigDecimal.ONE, null, null)));
    refused(
        Code.AUT_NOT_AUTHORIZED,
        () ->
            ledger.allocate(
                BUYER,
                new AllocateRequest("TPDDL-C-7", "TPDDL", START, END, BigDecimal.ONE, null, null)));
    // A concurrent writer winning twice makes the ledger read again and apply the allocation once.
    store.lostRaces = 2;
    int before = store.updates;
    ledger.allocate(
        TPDDL,
        new AllocateRequest("TPDDL-C-7", "TPDDL", START, END, new BigDecimal("1"), null, null));
    assertEquals(before + 1, store.updates);
    assertEquals(
        0,
        BigDecimal.ONE.compareTo(
            store
                .find("tx-c", "item-1")
                .orElseThrow()
                .metric(TradeSide.BUYER, MetricType.ACTUAL_PULLED)
                .orElseThrow()));
  }

  @Test
  void everyPartyReadsOnlyItsOwnTradesFiltered() {
    ledger.put(BUYER, buy("tx-r1", "TPDDL-C-1", "5"));
    ledger.put(SELLER, sell("tx-r2", "TPDDL-P-9", "2"));
    LedgerCaller otherSeller = LedgerCaller.platform("bpp.other.test");
    PutRequest s = sell("tx-r3", "TPDDL-P-9", "1");
    ledger.put(
        otherSeller,
        new PutRequest(
            LedgerRole.SELLER,
            "tx-r3",
            "item-1",
            null,
            BUYER.subscriberId(),
            otherSeller.subscriberId(),
            "PVVNL",
            "TPDDL",
            "PVVNL-C-1",
            "TPDDL-P-9",
            null,
            START,
            END,
            s.tradeDetails(),
            null,
            null));
    assertEquals(3, ledger.get(BUYER, LedgerQuery.all()).size());
    assertEquals(2, ledger.get(SELLER, LedgerQuery.all()).size());
    assertEquals(
        List.of("tx-r3"),
        ledger.get(otherSeller, LedgerQuery.all()).stream()
            .map(LedgerRecord::transactionId)
            .toList());
    assertEquals(0, ledger.get(STRANGER, LedgerQuery.all()).size());
    assertEquals(3, ledger.get(TPDDL, LedgerQuery.all()).size());
    assertEquals(3, ledger.get(PVVNL, LedgerQuery.all()).size());
    assertEquals(
        0, ledger.get(LedgerCaller.discom("utility.brpl.test", "BRPL"), LedgerQuery.all()).size());
    assertEquals(1, ledger.get(SELLER, LedgerQuery.byKey("tx-r2", "item-1")).size());
    assertEquals(0, ledger.get(SELLER, LedgerQuery.byKey("tx-r3", "item-1")).size());
    LedgerQuery page =
        new LedgerQuery(
            null,
            null,
            null,
            null,
            "TPDDL-P-9",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            START,
            START,
            null,
            null,
            null,
            null,
            1,
            1,
            LedgerQuery.Sort.creationTime,
            true);
    List<LedgerRecord> second = ledger.get(TPDDL, page);
    assertEquals(1, second.size());
    assertNotEquals("tx-r1", second.get(0).transactionId());
    LedgerQuery tooMany =
        new LedgerQuery(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, 501, 0, null, false);
    assertEquals(
        "limit", refused(Code.SCH_FIELD_NOT_ALLOWED, () -> ledger.get(TPDDL, tooMany)).field());
  }
}
