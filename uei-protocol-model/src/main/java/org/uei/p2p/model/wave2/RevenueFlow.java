package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The RevenueFlow pack (v2.0): the settlement split between the contract's roles, written by the
 * seller side after FINAL_ALLOC. Positive values are received, negative values paid; the values sum
 * to zero within {@link #TOLERANCE} (the contract policy's tolerance for rounding residue).
 */
public final class RevenueFlow extends Wave2Object {

  /** {@code @type} of the pack. */
  public static final String TYPE = "RevenueFlow";

  /** Largest absolute sum of the flows still taken as zero. */
  public static final BigDecimal TOLERANCE = new BigDecimal("0.005");

  RevenueFlow(ObjectNode json, String path) {
    super(json, path);
  }

  public List<Flow> revenueFlows() {
    return objects("revenueFlows", Flow::new);
  }

  /** One role's signed flow. */
  public static final class Flow extends Wave2Object {
    Flow(ObjectNode json, String path) {
      super(json, path);
    }

    public String role() {
      return text("role");
    }

    /** Signed amount: positive received, negative paid. */
    public BigDecimal value() {
      return decimal("value");
    }

    public String currency() {
      return text("currency");
    }

    public String description() {
      return text("description");
    }
  }
}
