package org.uei.p2p.bpp.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.market.ledger.AllocateRequest;
import org.uei.p2p.market.ledger.Ledger;
import org.uei.p2p.market.ledger.LedgerCaller;
import org.uei.p2p.market.ledger.LedgerQuery;
import org.uei.p2p.market.ledger.LedgerRecord;
import org.uei.p2p.market.ledger.LedgerResults;
import org.uei.p2p.market.ledger.PutRequest;
import org.uei.p2p.market.ledger.RecordRequest;

/**
 * This node's ledger as a DISCOM ledger provider, for the HTTP API and for the node's own Beckn
 * flow alike (a confirmed contract forwarded to the ledger is a {@link #put}, meter actuals from
 * the DISCOM an {@link #allocate}). Callers are identified by the caller of this service: the
 * resource from the request signature, the Beckn flow from the verified message sender. Refusals
 * are {@link org.uei.p2p.market.ledger.LedgerException}s; every write is whole or absent.
 */
@ApplicationScoped
public class LedgerService {

  @Inject LedgerConfig config;
  @Inject BppConfig bppConfig;
  @Inject JpaLedgerStore store;
  @Inject LedgerContracts contracts;

  /** Whether this node is a ledger provider ({@code uei.bpp.ledger.enabled}). */
  public boolean enabled() {
    return config.enabled();
  }

  /** The DISCOM whose trades this ledger keeps. */
  public String discomId() {
    return config
        .discomId()
        .or(() -> bppConfig.utility().discomId())
        .filter(s -> !s.isBlank())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "missing configuration: uei.bpp.ledger.discom-id"
                        + " (UEI_BPP_LEDGER_DISCOM_ID) or uei.bpp.utility.discom-id is required for the ledger"));
  }

  /**
   * Who {@code subscriberId} is to the ledger: the DISCOM it is configured for in {@code
   * uei.bpp.ledger.discoms}, else a platform.
   */
  public LedgerCaller callerFor(String subscriberId) {
    return discomSigners()
        .getOrDefault(subscriberId, Optional.empty())
        .map(d -> LedgerCaller.discom(subscriberId, d))
        .orElseGet(() -> LedgerCaller.platform(subscriberId));
  }

  /**
   * Creates or completes the record of an order item ({@code /ledger/put}). The seller platform's
   * {@code clientReference} names the contract the ledger reports allocations under.
   */
  public LedgerResults.Write put(LedgerCaller caller, PutRequest request) {
    LedgerResults.Write w = ledger().put(caller, request);
    if (request.role() == org.uei.p2p.market.ledger.LedgerRole.SELLER
        && request.clientReference() != null
        && !request.clientReference().isBlank()) {
      contracts.remember(
          w.record().transactionId(), request.clientReference(), caller.subscriberId());
    }
    return w;
  }

  /** A DISCOM's actuals and status on its side of a record ({@code /ledger/record}). */
  public LedgerResults.Write record(LedgerCaller caller, RecordRequest request) {
    return ledger().record(caller, request);
  }

  /** A meter's actual shared pro-rata over its trades of one window ({@code /ledger/allocate}). */
  public LedgerResults.Allocation allocate(LedgerCaller caller, AllocateRequest request) {
    return ledger().allocate(caller, request);
  }

  /** The records matching {@code query} that {@code caller} is a party to ({@code /ledger/get}). */
  public List<LedgerRecord> get(LedgerCaller caller, LedgerQuery query) {
    return ledger().get(caller, query);
  }

  /** The subscriber id {@code discomId} signs with ({@code uei.bpp.ledger.discoms}), if one. */
  public Optional<String> signerOf(String discomId) {
    return Optional.ofNullable(config.discoms().get(discomId))
        .map(String::trim)
        .filter(s -> !s.isEmpty());
  }

  private Ledger ledger() {
    // Cheap to build, holds no state of its own: the records are in the database.
    return new Ledger(store, discomId(), Clock.systemUTC());
  }

  /**
   * Signer → DISCOM; a signer configured for two DISCOMs is ambiguous and gets no DISCOM rights.
   */
  private Map<String, Optional<String>> discomSigners() {
    Map<String, Optional<String>> out = new HashMap<>();
    config
        .discoms()
        .forEach(
            (discom, signer) ->
                out.merge(signer.trim(), Optional.of(discom.trim()), (a, b) -> Optional.empty()));
    return out;
  }
}
