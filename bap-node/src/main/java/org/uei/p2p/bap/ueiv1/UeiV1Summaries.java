package org.uei.p2p.bap.ueiv1;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.uei.p2p.bap.client.ClientResults;
import org.uei.p2p.model.codec.TradeCodecException;
import org.uei.p2p.model.codec.UeiV1Codec;
import org.uei.p2p.model.ueiv1.Order;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.ueiv1.UeiV1Message;

/**
 * What the buyer app reads of a UEI v1 callback: the same summary as on the other wires (the offers
 * of an on_search, the order of the other callbacks) plus the seller's payment terms.
 */
public final class UeiV1Summaries {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final UeiV1Codec CODEC = new UeiV1Codec();

  private UeiV1Summaries() {}

  /**
   * Fills {@code out} with the {@code error}, {@code summary} and {@code message} of a stored
   * callback when it is a UEI v1 one; false (and {@code out} untouched) for another wire.
   */
  public static boolean describe(byte[] body, ObjectNode out) {
    Optional<UeiV1Envelope> read = UeiV1Callbacks.read(body);
    if (read.isEmpty()) {
      return false;
    }
    UeiV1Message m = read.get().message();
    ClientResults.describe(
        UeiV1Callbacks.refusal(read.get()), m == null ? null : m.toJson(), () -> summary(m), out);
    return true;
  }

  private static com.fasterxml.jackson.databind.JsonNode summary(UeiV1Message m)
      throws TradeCodecException {
    if (m.catalog() != null) {
      return ClientResults.offers(CODEC.offers(m));
    }
    Order o = m.order();
    if (o == null) {
      return NODES.nullNode();
    }
    ObjectNode s = NODES.objectNode();
    s.set("order", ClientResults.order(CODEC.order(m), o.quoteValue()));
    if (!o.payments().isEmpty() && o.payments().get(0) != null) {
      s.set("paymentTerms", terms(o.payments().get(0)));
    }
    return s;
  }

  private static ObjectNode terms(Order.Payment p) {
    ObjectNode n = NODES.objectNode();
    putIfSet(n, "vpa", p.textAtPointer("/params/virtual_payment_address"));
    putIfSet(n, "paymentUrl", p.textAtPointer("/url"));
    putIfSet(n, "accountNumber", p.textAtPointer("/params/bank_account_number"));
    putIfSet(n, "branchCode", p.textAtPointer("/params/bank_code"));
    putIfSet(n, "collectedBy", p.collectedBy());
    putIfSet(n, "paymentTrigger", p.type());
    putIfSet(n, "status", p.status());
    if (p.amount() != null) {
      n.put("amount", p.amount());
    }
    putIfSet(n, "currency", p.currency());
    return n;
  }

  private static void putIfSet(ObjectNode n, String name, String value) {
    if (value != null) {
      n.put(name, value);
    }
  }
}
