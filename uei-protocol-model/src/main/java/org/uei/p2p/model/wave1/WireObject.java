package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every wire object: keeps the members this library does not model, in arrival order, so
 * that a message parsed and serialized again carries everything its sender put in it.
 *
 * <p>Networks extend the packs with their own fields; dropping them would break signatures of
 * forwarded messages and hide data from the application.
 */
public abstract class WireObject {

  private final Map<String, JsonNode> extra = new LinkedHashMap<>();

  /** Members not modelled by this class, keyed by their wire name, in arrival order. */
  @JsonAnyGetter
  public Map<String, JsonNode> getExtra() {
    return extra;
  }

  /** Adds or replaces a member that this class does not model. */
  @JsonAnySetter
  public void putExtra(String name, JsonNode value) {
    extra.put(name, value);
  }

  /** The unmodelled member with this wire name, or {@code null}. */
  public JsonNode extra(String name) {
    return extra.get(name);
  }
}
