package org.uei.p2p.market.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * What one platform owes another for a period after netting the energy both ways.
 *
 * @param payerPlatformId platform that pays (the lower id when nothing is owed)
 * @param payeePlatformId platform that is paid
 * @param amount net amount, not negative
 * @param currency currency of the amount
 * @param grossToPayee energy value the payer's buyers owe the payee's sellers
 * @param grossToPayer energy value the payee's buyers owe the payer's sellers
 * @param trades trades netted
 * @param periodStart first slot start included
 * @param periodEnd slot starts before this are included
 * @param dueBy payment deadline: final allocation plus the policy's due time
 */
public record PlatformNetAmount(
    String payerPlatformId,
    String payeePlatformId,
    BigDecimal amount,
    Currency currency,
    BigDecimal grossToPayee,
    BigDecimal grossToPayer,
    long trades,
    Instant periodStart,
    Instant periodEnd,
    Instant dueBy) {}
