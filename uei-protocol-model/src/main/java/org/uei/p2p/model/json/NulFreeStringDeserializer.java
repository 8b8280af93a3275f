package org.uei.p2p.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Reads typed string members and refuses the NUL character (U+0000). No Beckn field needs it, and
 * it must never reach a node's database: PostgreSQL cannot hold it in text, so an id carrying one
 * would fail deep inside a query instead of being refused at the door with its JSON path.
 */
final class NulFreeStringDeserializer extends StringDeserializer {
  private static final long serialVersionUID = 1L;

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String value = super.deserialize(p, ctxt);
    if (value != null && value.indexOf('\u0000') >= 0) {
      return (String)
          ctxt.handleWeirdStringValue(
              String.class, value, "the NUL character (U+0000) is not allowed in a string");
    }
    return value;
  }
}
