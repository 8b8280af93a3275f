package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A fulfillment: for energy, the delivery window, told by a {@code start} and an {@code end} stop
 * with {@code time.timestamp} each, and once ordered its state ({@code state.descriptor.code}).
 */
public final class Fulfillment extends UeiV1Object {

  /** The 1.1.0 UEI fulfillment states. */
  public static final List<String> STATES = List.of("ORDER_PLACED", "ORDER_COMPLETED", "CANCELLED");

  Fulfillment(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  public String type() {
    return text("type");
  }

  /** {@code state.descriptor.code}, or {@code null}. */
  public String stateCode() {
    return textAtPointer("/state/descriptor/code");
  }

  /** {@code stops[]}, in wire order. */
  public List<Stop> stops() {
    return objects("stops", Stop::new);
  }

  /** The first stop of this type ({@code start}, {@code end}). */
  public Optional<Stop> stop(String type) {
    return stops().stream().filter(s -> s != null && type.equals(s.type())).findFirst();
  }

  /** A stop: a point of the fulfillment, with a type and a time. */
  public static final class Stop extends UeiV1Object {
    Stop(ObjectNode json, String path) {
      super(json, path);
    }

    public String type() {
      return text("type");
    }

    /** {@code time.timestamp} as written, or {@code null}. */
    public String timestamp() {
      return textAtPointer("/time/timestamp");
    }

    /** {@code time.range.start} as written, or {@code null}. */
    public String rangeStart() {
      return textAtPointer("/time/range/start");
    }

    /** {@code time.range.end} as written, or {@code null}. */
    public String rangeEnd() {
      return textAtPointer("/time/range/end");
    }
  }
}
