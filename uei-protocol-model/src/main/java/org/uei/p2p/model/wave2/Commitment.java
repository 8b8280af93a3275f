package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One {@code commitments[]} entry: what is agreed for one offer. On this network the resources are
 * the seller's energy (EnergyResource naming the meter) and {@code commitmentAttributes} is the
 * contract table: a TimeSeries with one interval per delivery slot.
 */
public final class Commitment extends Wave2Object {

  /** Commitment states of the LTS core ({@code status.descriptor.code}). */
  public static final List<String> STATES = List.of("DRAFT", "ACTIVE", "CLOSED");

  Commitment(ObjectNode json, String path) {
    super(json, path);
  }

  public String id() {
    return text("id");
  }

  /** {@code status.descriptor.code}: DRAFT, ACTIVE or CLOSED. */
  public String statusCode() {
    return json().path("status").path("descriptor").path("code").isTextual()
        ? json().path("status").path("descriptor").path("code").asText()
        : null;
  }

  public List<Resource> resources() {
    return objects("resources", Resource::new);
  }

  /** The offer committed to ({@code {id, resourceIds}}), or {@code null}. */
  public OfferRef offer() {
    return object("offer", OfferRef::new);
  }

  /** {@code commitmentAttributes} as a TimeSeries, or {@code null} when absent or not an object. */
  public TimeSeries commitmentAttributes() {
    return object("commitmentAttributes", TimeSeries::new);
  }

  /**
   * The offer a commitment refers to: its id, the resources it covers, and optionally its provider.
   */
  public static final class OfferRef extends Wave2Object {
    OfferRef(ObjectNode json, String path) {
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
      return json().path("provider").path("id").isTextual()
          ? json().path("provider").path("id").asText()
          : null;
    }
  }
}
