package org.uei.p2p.bpp.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.bpp.delivery.MeterDataService;
import org.uei.p2p.market.ledger.AllocateRequest;
import org.uei.p2p.market.ledger.LedgerCaller;
import org.uei.p2p.market.ledger.LedgerException;
import org.uei.p2p.market.ledger.LedgerRecord;
import org.uei.p2p.market.ledger.LedgerResults;
import org.uei.p2p.market.ledger.LedgerStatus;
import org.uei.p2p.market.meter.SlotEnergy;
import org.uei.p2p.model.trade.DeliverySlot;
import org.uei.p2p.model.trade.TradeSide;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.domain.Refusal;
import org.uei.p2p.node.outbox.CallbackOutbox;

/**
 * The ledger asking its DISCOM for meter actuals: for a delivery day (IST), every window that has
 * ended of a record whose side of this ledger's DISCOM has no actual yet. The DISCOM's utility node
 * gets a signed wave-2 {@code status} through the outbox, stored so that only its answer is taken
 * ({@link ActualsAnswers}); a ledger that is that utility node itself reads its meter data and
 * allocates in-process.
 */
@ApplicationScoped
public class LedgerActuals {

  static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /**
   * What a run did.
   *
   * @param windows meter windows without an actual
   * @param messageIds the status messages sent (none when allocated in-process)
   * @param allocated windows allocated in-process
   * @param reports allocation reports queued to platforms
   */
  public record Result(
      LocalDate day, int windows, List<String> messageIds, int allocated, int reports) {}

  @Inject LedgerService ledger;
  @Inject LedgerConfig config;
  @Inject LedgerReports reports;
  @Inject BppConfig bpp;
  @Inject NodeConfig node;
  @Inject NodeIdentity identity;
  @Inject MarketClock marketClock;
  @Inject CallbackOutbox outbox;
  @Inject MeterDataService meterData;

  /** Asks for (or, at the DISCOM's own node, takes) the actuals of {@code day}. */
  public Result request(LocalDate day) {
    if (!ledger.enabled()) {
      throw Refusal.notFound("this node is not a ledger provider (uei.bpp.ledger.enabled)");
    }
    String discom = ledger.discomId();
    List<MeterWindow> due = due(day, discom);
    if (due.isEmpty()) {
      return new Result(day, 0, List.of(), 0, 0);
    }
    if (inProcess(discom)) {
      return allocateHere(day, discom, due);
    }
    String signer =
        ledger
            .signerOf(discom)
            .orElseThrow(
                () ->
                    Refusal.invalid(
                        "missing configuration: uei.bpp.ledger.discoms."
                            + discom
                            + " (the subscriber id of "
                            + discom
                            + "'s utility node)"));
    String url;
    try {
      url = reports.url(signer);
    } catch (IllegalStateException e) {
      throw Refusal.upstream(discom + "'s utility node cannot be reached: " + e.getMessage());
    }
    List<String> sent = new ArrayList<>();
    int size = Math.max(1, config.actuals().maxWindowsPerMessage());
    for (int i = 0; i < due.size(); i += size) {
      List<MeterWindow> chunk = due.subList(i, Math.min(due.size(), i + size));
      sent.add(QuarkusTransaction.requiringNew().call(() -> send(day, discom, signer, url, chunk)));
    }
    Log.infof(
        "ledger of %s: asked %s for %d meter window(s) of %s in %d status message(s)",
        discom, signer, due.size(), day, sent.size());
    return new Result(day, due.size(), sent, 0, 0);
  }

  private String send(
      LocalDate day, String discom, String signer, String url, List<MeterWindow> windows) {
    String txn = UUID.randomUUID().toString();
    ObjectNode context =
        Wave2Contexts.newRequest(
            Wave2Action.STATUS,
            new Wave2Contexts.Parties(
                node.networkId().orElse(identity.domain()),
                identity.subscriberId(),
                identity.publicUrl(),
                signer,
                url),
            txn,
            null,
            List.of(),
            Clock.systemUTC());
    Wave2Envelope status =
        Wave2Envelope.of(
            context, MeterActuals.request("actuals-" + discom + "-" + day, discom, windows));
    ActualsRequest r = new ActualsRequest();
    r.messageId = status.context().messageId();
    r.transactionId = txn;
    r.discomId = discom;
    r.deliveryDay = day;
    r.asked = MeterWindow.encode(windows);
    r.createdAt = Instant.now();
    r.persist();
    outbox.enqueue(url, signer, status);
    return r.messageId;
  }

  private Result allocateHere(LocalDate day, String discom, List<MeterWindow> due) {
    LedgerCaller self = LedgerCaller.discom(identity.subscriberId(), discom);
    Set<String> transactions = new LinkedHashSet<>();
    int allocated = 0;
    for (MeterWindow w : due) {
      SlotEnergy e = meterData.energy(w.meterId(), new DeliverySlot(w.start(), w.end()));
      if (!e.complete()) {
        continue; // asked again on the next run
      }
      try {
        LedgerResults.Allocation a =
            ledger.allocate(
                self,
                new AllocateRequest(
                    w.meterId(),
                    discom,
                    w.start(),
                    w.end(),
                    e.netImportKwh(),
                    LedgerStatus.COMPLETED,
                    null));
        a.allocations().forEach(l -> transactions.add(l.record().transactionId()));
        allocated++;
      } catch (LedgerException x) {
        Log.warnf("ledger of %s: %s %s not allocated: %s", discom, w.meterId(), w, x.getMessage());
      }
    }
    return new Result(day, due.size(), List.of(), allocated, reports.report(transactions));
  }

  /** The windows of {@code day} that ended and lack this DISCOM's actual. */
  List<MeterWindow> due(LocalDate day, String discom) {
    Instant from = day.atStartOfDay(IST).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(IST).toInstant();
    Instant now = marketClock.now();
    Set<MeterWindow> out = new LinkedHashSet<>();
    List<LedgerEntry> entries =
        QuarkusTransaction.joiningExisting()
            .call(
                () ->
                    LedgerEntry.<LedgerEntry>list(
                        "deliveryStartTime >= ?1 and deliveryStartTime < ?2"
                            + " and deliveryEndTime <= ?3"
                            + " and (discomIdBuyer = ?4 or discomIdSeller = ?4)"
                            + " order by deliveryStartTime, recordId",
                        from,
                        to,
                        now,
                        discom));
    for (LedgerEntry e : entries) {
      LedgerRecord r = e.record();
      if (r.energyQty().signum() <= 0) {
        continue;
      }
      for (TradeSide side : TradeSide.values()) {
        if (discom.equals(r.discomId(side))
            && r.metric(side, LedgerReports.actual(side)).isEmpty()) {
          out.add(new MeterWindow(r.meterId(side), r.deliveryStartTime(), r.deliveryEndTime()));
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Whether this node is the DISCOM's utility node too, which has the meter data itself. */
  private boolean inProcess(String discom) {
    return bpp.utilityMode() && bpp.utility().discomId().map(discom::equals).orElse(false);
  }
}
