package org.uei.p2p.market.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A DISCOM's meter actual for one delivery window ({@code /ledger/allocate}).
 *
 * @param meterId matched against the records' buyerId and sellerId
 * @param discomId the calling DISCOM
 * @param deliveryStartTime window start, matched exactly
 * @param deliveryEndTime window end, matched exactly
 * @param actualImported kWh, signed: positive drawn from the grid, negative injected into it
 * @param status optional status to set on the allocated side of every matched record
 */
public record AllocateRequest(
    String meterId,
    String discomId,
    Instant deliveryStartTime,
    Instant deliveryEndTime,
    BigDecimal actualImported,
    LedgerStatus status,
    String clientReference) {}
