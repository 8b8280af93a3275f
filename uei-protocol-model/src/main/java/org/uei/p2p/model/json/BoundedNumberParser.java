package org.uei.p2p.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * Holds every number token to {@link NumberBounds} as it is read, in modelled and unmodelled
 * members alike, so that an absurd number is refused with its path before anything builds, formats
 * or computes with its value. Jackson's other {@code next…} methods all go through {@link
 * #nextToken()}.
 */
final class BoundedNumberParser extends JsonParserDelegate {

  BoundedNumberParser(JsonParser delegate) {
    super(delegate);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t = delegate.nextToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      check();
    }
    return t;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken t = nextToken();
    return t == JsonToken.FIELD_NAME ? nextToken() : t;
  }

  private void check() throws IOException {
    char[] text = delegate.getTextCharacters();
    int offset = delegate.getTextOffset();
    int length = delegate.getTextLength();
    if (!NumberBounds.within(text, offset, length)) {
      String literal = NumberBounds.excerpt(new String(text, offset, Math.min(length, 25)));
      throw new WireJsonException(
          this,
          "number " + literal + " is out of bounds: " + NumberBounds.RULE,
          pathOf(delegate.getParsingContext()));
    }
  }

  /** The dotted path of the current value, with {@code [i]} for array elements. */
  static String pathOf(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    append(path, context);
    return path.toString();
  }

  private static void append(StringBuilder path, JsonStreamContext c) {
    if (c == null || c.inRoot()) {
      return;
    }
    append(path, c.getParent());
    if (c.inArray()) {
      path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
    } else if (c.getCurrentName() != null) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(c.getCurrentName());
    }
  }
}
