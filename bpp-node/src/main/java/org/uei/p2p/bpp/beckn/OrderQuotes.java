package org.uei.p2p.bpp.beckn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.bpp.config.BppConfig;
import org.uei.p2p.model.codec.OrderLine;
import org.uei.p2p.model.codec.TradeOrder;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.energy.PaymentSettlement;
import org.uei.p2p.model.energy.SettlementAccount;
import org.uei.p2p.model.envelope.OrderMessage;
import org.uei.p2p.model.wave1.CoreContexts;
import org.uei.p2p.model.wave1.MonetaryAmount;
import org.uei.p2p.model.wave1.Order;
import org.uei.p2p.model.wave1.OrderItem;
import org.uei.p2p.model.wave1.Payment;
import org.uei.p2p.model.wave1.PriceSpecification;
import org.uei.p2p.model.wave1.Quantity;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * Builds the order the seller platform answers with: the codec's order plus what only the seller
 * adds, i.e. the quote (price per line and {@code beckn:orderValue}) and, from init on, payment
 * terms with the seller platform's settlement account.
 */
@ApplicationScoped
public class OrderQuotes {

  private final Wave1Codec codec = new Wave1Codec();

  @Inject BppConfig config;
  @Inject NodeIdentity identity;

  /** The total value of an order: sum of quantity × price per line, to the paisa. */
  public static BigDecimal total(TradeOrder order) {
    BigDecimal sum = BigDecimal.ZERO;
    for (OrderLine l : order.lines()) {
      sum = sum.add(l.price().valueOf(l.quantityKwh()));
    }
    return sum.setScale(2, RoundingMode.HALF_UP);
  }

  /** An order with its quote (on_select). */
  public OrderMessage quote(TradeOrder order) {
    OrderMessage m = (OrderMessage) codec.orderMessage(order);
    Order o = m.getOrder();
    String currency = order.lines().get(0).price().currency().getCurrencyCode();
    List<OrderItem> items = o.getOrderItems();
    for (int i = 0; i < items.size(); i++) {
      OrderLine l = order.lines().get(i);
      items
          .get(i)
          .setPrice(
              PriceSpecification.unitPrice(
                  l.price().perKwh(), currency, "kWh", Quantity.of(l.quantityKwh(), "kWh")));
    }
    PriceSpecification value = new PriceSpecification();
    value.setType(PriceSpecification.TYPE);
    value.setCurrency(currency);
    value.setValue(total(order));
    o.setOrderValue(value);
    return m;
  }

  /**
   * A quoted order with payment terms and the seller's settlement account (on_init, on_confirm).
   */
  public OrderMessage withPaymentTerms(TradeOrder order, String paymentStatus) {
    OrderMessage m = quote(order);
    Payment p = new Payment();
    p.setContextUrl(CoreContexts.CORE_V2);
    p.setType(Payment.TYPE);
    p.setAmount(
        MonetaryAmount.of(total(order), order.lines().get(0).price().currency().getCurrencyCode()));
    p.setBeneficiary("BPP");
    p.setPaymentStatus(paymentStatus);
    p.setAcceptedPaymentMethod(new ArrayList<>(List.of("BANK_TRANSFER", "UPI")));
    PaymentSettlement settlement = new PaymentSettlement();
    settlement.setContextUrl(CoreContexts.ENERGY_TRADE_V03);
    settlement.setType(PaymentSettlement.TYPE);
    SettlementAccount account = new SettlementAccount();
    account.setBeneficiaryId(identity.subscriberId());
    account.setAccountHolderName(config.settlement().accountHolder());
    config.settlement().accountNumber().ifPresent(account::setAccountNumber);
    config.settlement().ifsc().ifPresent(account::setIfscCode);
    config.settlement().bankName().ifPresent(account::setBankName);
    config.settlement().vpa().ifPresent(account::setVpa);
    settlement.setSettlementAccounts(new ArrayList<>(List.of(account)));
    p.setPaymentAttributes(settlement);
    m.getOrder().setPayment(p);
    return m;
  }
}
