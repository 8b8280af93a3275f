package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code consideration[]} entry: value exchanged under the contract. On this network it is the
 * seller platform's payment terms (SettlementTerm, at on_init) or the settlement's revenue flows
 * (RevenueFlow, {@code id} {@code auto-settlement-flows}, at on_status).
 */
public final class Consideration extends Wave2Object {

  Consideration(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  /** {@code considerationAttributes.@type}, or {@code null}. */
  public String attributesType() {
    ObjectNode a = json().get("considerationAttributes") instanceof ObjectNode o ? o : null;
    return a != null && a.path("@type").isTextual() ? a.get("@type").asText() : null;
  }

  /** The attributes as RevenueFlow, or {@code null}. */
  public RevenueFlow revenueFlow() {
    return RevenueFlow.TYPE.equals(attributesType())
        ? object("considerationAttributes", RevenueFlow::new)
        : null;
  }

  /** The attributes as SettlementTerm, or {@code null}. */
  public SettlementTerm settlementTerm() {
    return SettlementTerm.TYPE.equals(attributesType())
        ? object("considerationAttributes", SettlementTerm::new)
        : null;
  }
}
