package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A {@code settlements[]} entry: the discharge of a consideration (payment terms, a payment made).
 * Payment is off-ledger on this network; these entries report it.
 */
public final class Settlement extends Wave2Object {

  /** Settlement states of the LTS core. */
  public static final List<String> STATES = List.of("DRAFT", "COMMITTED", "COMPLETE");

  Settlement(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  /** The consideration this settles, or {@code null}. */
  public String considerationId() {
    return text("considerationId");
  }

  /** DRAFT, COMMITTED or COMPLETE. */
  public String status() {
    return text("status");
  }

  /** {@code settlementAttributes.@type} (SettlementTerm, PaymentAction…), or {@code null}. */
  public String attributesType() {
    ObjectNode a = json().get("settlementAttributes") instanceof ObjectNode o ? o : null;
    return a != null && a.path("@type").isTextual() ? a.get("@type").asText() : null;
  }

  /** The attributes as SettlementTerm, or {@code null}. */
  public SettlementTerm settlementTerm() {
    return SettlementTerm.TYPE.equals(attributesType())
        ? object("settlementAttributes", SettlementTerm::new)
        : null;
  }
}
