package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.uei.p2p.model.json.JsonView;

/**
 * Base of every wave-2 wire object: a {@link JsonView} over the JSON object it was read from, with
 * the JSON-LD members the wave-2 packs carry. Immutable and safe to share between threads.
 */
public abstract class Wave2Object extends JsonView {

  /**
   * A view of {@code json}, which the caller must not change afterwards, found at JSON path {@code
   * path}.
   */
  protected Wave2Object(ObjectNode json, String path) {
    super(json, path);
  }

  /** The JSON-LD {@code @type}, or {@code null}. */
  public final String jsonLdType() {
    return text("@type");
  }

  /** The JSON-LD {@code @context} when it is one URL, or {@code null}. */
  public final String jsonLdContext() {
    return text("@context");
  }

  /** For {@link Wave2Json} and subclasses: the object itself, never to be changed. */
  final ObjectNode json() {
    return node();
  }
}
