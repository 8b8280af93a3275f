package org.uei.p2p.market.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A platform's write ({@code /ledger/put}): the fields it supplies, null for the ones it leaves
 * out.
 *
 * @param role BUYER or SELLER: which platform of the trade the caller is
 * @param transactionId key, first half
 * @param orderItemId key, second half
 * @param recordId optional alternate reference; must name the record of the key
 * @param networkId network of the trade (in-process callers; the HTTP API has no such field)
 * @param clientReference retry token; identical puts are idempotent anyway, so it is not needed to
 *     dedupe
 */
public record PutRequest(
    LedgerRole role,
    String transactionId,
    String orderItemId,
    String recordId,
    String platformIdBuyer,
    String platformIdSeller,
    String discomIdBuyer,
    String discomIdSeller,
    String buyerId,
    String sellerId,
    Instant tradeTime,
    Instant deliveryStartTime,
    Instant deliveryEndTime,
    List<TradeDetail> tradeDetails,
    String networkId,
    String clientReference) {}
