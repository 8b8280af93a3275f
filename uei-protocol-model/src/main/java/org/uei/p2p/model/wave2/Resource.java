package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code resources[]} entry. In a trade it is the seller's energy: {@code resourceAttributes} an
 * EnergyResource whose {@code id} is the seller's meter. Between a ledger provider and its DISCOM
 * it is a DatasetItem whose {@code dataPayload} carries meter actuals as TimeSeries.
 */
public final class Resource extends Wave2Object {

  /** {@code @type} of the energy pack. */
  public static final String ENERGY_RESOURCE = "EnergyResource";

  /** {@code @type} of a data set of meter readings. */
  public static final String DATASET_ITEM = "DatasetItem";

  Resource(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  /** {@code descriptor.name}, or {@code null}. */
  public String name() {
    JsonNode n = json().path("descriptor").path("name");
    return n.isTextual() ? n.asText() : null;
  }

  /** {@code quantity.unitCode} (KWH for energy), or {@code null}. */
  public String quantityUnit() {
    JsonNode n = json().path("quantity").path("unitCode");
    return n.isTextual() ? n.asText() : null;
  }

  /** {@code quantity.unitQuantity}, or {@code null}. */
  public BigDecimal quantity() {
    return decimalOf(json().path("quantity").get("unitQuantity"));
  }

  /** {@code resourceAttributes.@type}, or {@code null}. */
  public String attributesType() {
    JsonNode n = json().path("resourceAttributes").path("@type");
    return n.isTextual() ? n.asText() : null;
  }

  /** The seller's meter: {@code resourceAttributes.id} of an EnergyResource, else {@code null}. */
  public String meterId() {
    JsonNode a = json().path("resourceAttributes");
    return ENERGY_RESOURCE.equals(attributesType()) && a.path("id").isTextual()
        ? a.get("id").asText()
        : null;
  }

  /** {@code resourceAttributes.type} of an EnergyResource (SOLAR, WIND…), else {@code null}. */
  public String sourceType() {
    JsonNode a = json().path("resourceAttributes");
    return ENERGY_RESOURCE.equals(attributesType()) && a.path("type").isTextual()
        ? a.get("type").asText()
        : null;
  }

  /** The TimeSeries in a DatasetItem's {@code dataPayload} (one object or an array of them). */
  public List<TimeSeries> dataPayload() {
    if (!DATASET_ITEM.equals(attributesType())) {
      return List.of();
    }
    JsonNode d = json().path("resourceAttributes").path("dataPayload");
    String at = pathOf("resourceAttributes.dataPayload");
    List<TimeSeries> out = new ArrayList<>();
    if (d instanceof ObjectNode o) {
      out.add(new TimeSeries(o, at));
    } else if (d.isArray()) {
      for (int i = 0; i < d.size(); i++) {
        if (d.get(i) instanceof ObjectNode o) {
          out.add(new TimeSeries(o, at + "[" + i + "]"));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }
}
