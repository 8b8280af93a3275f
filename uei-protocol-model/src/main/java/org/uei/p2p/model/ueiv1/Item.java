package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * An item: in a catalog an energy offer (price per kWh, available quantity, the fulfillment that
 * says when it is delivered); in an order the energy taken from it ({@code quantity.selected}).
 * Quantities and prices are Beckn 1.1.0 DecimalValues, numbers written as strings.
 */
public final class Item extends UeiV1Object {

  Item(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  /** {@code price.value} as a decimal, or {@code null}. */
  public BigDecimal priceValue() {
    return decimalAtPointer("/price/value");
  }

  /** {@code price.currency} as written, e.g. {@code INR} or {@code INR/kWh}, or {@code null}. */
  public String priceCurrency() {
    return textAtPointer("/price/currency");
  }

  /** {@code quantity.selected.measure.value} as a decimal, or {@code null}. */
  public BigDecimal selectedQuantity() {
    return decimalAtPointer("/quantity/selected/measure/value");
  }

  /** {@code quantity.available.measure.value} as a decimal, or {@code null}. */
  public BigDecimal availableQuantity() {
    return decimalAtPointer("/quantity/available/measure/value");
  }

  /** {@code fulfillment_ids[]}; an element that is not a string is {@code null}. */
  public List<String> fulfillmentIds() {
    return texts("fulfillment_ids");
  }

  /** {@code time.range.start} as written, or {@code null}. */
  public String timeRangeStart() {
    return textAtPointer("/time/range/start");
  }

  /** {@code time.range.end} as written, or {@code null}. */
  public String timeRangeEnd() {
    return textAtPointer("/time/range/end");
  }
}
