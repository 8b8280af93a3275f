package org.uei.p2p.model.energy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.uei.p2p.model.wave1.Attributes;
import org.uei.p2p.model.wave1.Quantity;

/**
 * EnergyTrade v0.3 {@code EnergyTradeOrder} ({@code beckn:orderAttributes}): the two platforms of a
 * trade and its total quantity.
 *
 * <p>{@code total_quantity} is a {@code Quantity} object in v0.3 but a bare number in v0.2 payloads
 * still on the wire; it is kept as raw JSON so both shapes survive a round trip, and {@link
 * #totalQuantity()} reads either.
 */
public final class EnergyTradeOrder extends Attributes {

  /** The {@code @type} of this pack. */
  public static final String TYPE = "EnergyTradeOrder";

  @JsonProperty("bap_id")
  private String bapId;

  @JsonProperty("bpp_id")
  private String bppId;

  @JsonProperty("total_quantity")
  private JsonNode totalQuantityJson;

  public String getBapId() {
    return bapId;
  }

  public void setBapId(String bapId) {
    this.bapId = bapId;
  }

  public String getBppId() {
    return bppId;
  }

  public void setBppId(String bppId) {
    this.bppId = bppId;
  }

  /** {@code total_quantity} exactly as on the wire (object, number or {@code null}). */
  public JsonNode getTotalQuantityJson() {
    return totalQuantityJson;
  }

  public void setTotalQuantityJson(JsonNode totalQuantityJson) {
    this.totalQuantityJson = totalQuantityJson;
  }

  /**
   * The total quantity: its {@code unitQuantity}/{@code unitText} when an object, or the bare
   * number read as kWh; empty when absent or of another shape.
   */
  @JsonIgnore
  public Optional<Quantity> totalQuantity() {
    JsonNode n = totalQuantityJson;
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (n.isNumber()) {
      return Optional.of(Quantity.of(n.decimalValue(), "kWh"));
    }
    if (n.isObject()) {
      JsonNode v = n.get("unitQuantity");
      JsonNode u = n.get("unitText");
      return Optional.of(
          Quantity.of(
              v != null && v.isNumber() ? v.decimalValue() : null,
              u != null && u.isTextual() ? u.asText() : null));
    }
    return Optional.empty();
  }

  /** Sets {@code total_quantity} as a v0.3 {@code Quantity} object. */
  public void setTotalQuantity(BigDecimal value, String unitText) {
    ObjectNode q = JsonNodeFactory.instance.objectNode();
    q.set("unitQuantity", DecimalNode.valueOf(value));
    q.put("unitText", unitText);
    this.totalQuantityJson = q;
  }
}
