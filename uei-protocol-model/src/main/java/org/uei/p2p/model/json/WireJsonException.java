package org.uei.p2p.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.RequestPayload;

/**
 * Wire JSON that Jackson could read but a Beckn node must refuse: a body that is not exactly UTF-8
 * JSON text, or a number outside {@link NumberBounds}. Carries the refusal in the sender's terms
 * and the JSON path of the offending value ({@code ""} for the body as a whole).
 */
public final class WireJsonException extends StreamReadException {

  private static final long serialVersionUID = 1L;

  private final String path;

  WireJsonException(JsonParser parser, String reason, String path) {
    super(parser, reason);
    this.path = path;
  }

  @Override
  public WireJsonException withParser(JsonParser parser) {
    _processor = parser;
    return this;
  }

  @Override
  public WireJsonException withRequestPayload(RequestPayload payload) {
    // The payload is the body a refusal is about; it is never attached to the message.
    return this;
  }

  /**
   * The JSON path of the refused value, dotted with {@code [i]} indices; empty for the whole body.
   */
  public String path() {
    return path;
  }

  /** The reason, without Jackson's location suffix. */
  public String reason() {
    return getOriginalMessage();
  }
}
