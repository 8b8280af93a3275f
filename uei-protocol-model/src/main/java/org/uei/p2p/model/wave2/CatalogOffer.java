package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An {@code offers[]} entry of a catalog. Its EnergyTradeOffer pack carries the validity window,
 * the partly bound DEGContract (seller-side roles only), the seller-side participants, and the
 * seller's TimeSeries: the whole contract table's descriptors, with PRICE_PER_KWH and AVAILABLE_QTY
 * per slot.
 */
public final class CatalogOffer extends Wave2Object {

  /** {@code @type} of the offer pack. */
  public static final String ENERGY_TRADE_OFFER = "EnergyTradeOffer";

  CatalogOffer(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  public List<String> resourceIds() {
    return texts("resourceIds");
  }

  /** {@code provider.id}, or {@code null}. */
  public String providerId() {
    JsonNode n = json().path("provider").path("id");
    return n.isTextual() ? n.asText() : null;
  }

  /**
   * {@code provider.providerAttributes.meterId} when it is an EnergyCustomer, else {@code null}.
   */
  public String providerMeterId() {
    JsonNode a = json().path("provider").path("providerAttributes");
    return Participant.EnergyCustomer.TYPE.equals(a.path("@type").asText(null))
            && a.path("meterId").isTextual()
        ? a.get("meterId").asText()
        : null;
  }

  /** {@code offerAttributes.@type}, or {@code null}. */
  public String attributesType() {
    JsonNode n = json().path("offerAttributes").path("@type");
    return n.isTextual() ? n.asText() : null;
  }

  /** The EnergyTradeOffer pack, or {@code null} when the offer carries another pack. */
  public EnergyTradeOffer energyTradeOffer() {
    return ENERGY_TRADE_OFFER.equals(attributesType())
        ? object("offerAttributes", EnergyTradeOffer::new)
        : null;
  }

  /** The EnergyTradeOffer pack (v2.0). */
  public static final class EnergyTradeOffer extends Wave2Object {
    EnergyTradeOffer(ObjectNode json, String path) {
      super(json, path);
    }

    /** {@code validityWindow.schema:startTime}, or {@code null}. */
    public String validFrom() {
      JsonNode n = json().path("validityWindow").path("schema:startTime");
      return n.isTextual() ? n.asText() : null;
    }

    /** {@code validityWindow.schema:endTime}, or {@code null}. */
    public String validUntil() {
      JsonNode n = json().path("validityWindow").path("schema:endTime");
      return n.isTextual() ? n.asText() : null;
    }

    /** The partly bound DEGContract, or {@code null}. */
    public DegContract contractAttributes() {
      return object("contractAttributes", DegContract::new);
    }

    /** The seller-side parties. */
    public List<Participant> participants() {
      return objects("participants", Participant::new);
    }

    /** The seller's TimeSeries, or {@code null}. */
    public TimeSeries commitmentAttributes() {
      return object("commitmentAttributes", TimeSeries::new);
    }
  }
}
