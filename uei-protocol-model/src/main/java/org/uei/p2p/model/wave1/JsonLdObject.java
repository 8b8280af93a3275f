package org.uei.p2p.model.wave1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A wire object that carries JSON-LD {@code @context} and {@code @type}.
 *
 * <p>{@code @context} is kept as the raw JSON value (a URL string in practice, but JSON-LD allows
 * arrays and objects) and written back verbatim.
 */
public abstract class JsonLdObject extends WireObject {

  @JsonProperty("@context")
  private JsonNode context;

  @JsonProperty("@type")
  private String type;

  /** The raw {@code @context} value, or {@code null}. */
  public JsonNode getContext() {
    return context;
  }

  /** Sets {@code @context} to a raw JSON value (string, array or object). */
  public void setContext(JsonNode context) {
    this.context = context;
  }

  /** The {@code @context} when it is a single URL string, else {@code null}. */
  public String contextUrl() {
    return context != null && context.isTextual() ? context.asText() : null;
  }

  /** Sets {@code @context} to one URL. */
  public void setContextUrl(String url) {
    this.context = url == null ? null : TextNode.valueOf(url);
  }

  /** The {@code @type}, e.g. {@code beckn:Order}, or {@code null}. */
  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }
}
