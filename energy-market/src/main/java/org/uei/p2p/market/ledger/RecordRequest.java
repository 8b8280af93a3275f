package org.uei.p2p.market.ledger;

import java.util.List;

/**
 * A DISCOM's write on an existing record ({@code /ledger/record}); null for fields left out.
 *
 * @param role BUYER_DISCOM or SELLER_DISCOM
 * @param recordId optional alternate reference; must name the record of the key
 * @param buyerMetrics {@code buyerFulfillmentValidationMetrics}
 * @param sellerMetrics {@code sellerFulfillmentValidationMetrics}
 * @param note free text, accepted and not stored
 */
public record RecordRequest(
    LedgerRole role,
    String transactionId,
    String orderItemId,
    String recordId,
    String discomIdBuyer,
    String discomIdSeller,
    List<ValidationMetric> buyerMetrics,
    List<ValidationMetric> sellerMetrics,
    LedgerStatus statusBuyerDiscom,
    LedgerStatus statusSellerDiscom,
    String note,
    String clientReference) {}
