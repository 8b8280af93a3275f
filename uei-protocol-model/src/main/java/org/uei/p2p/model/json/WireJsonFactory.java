package org.uei.p2p.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The JSON factory behind {@link BecknJson}: byte input must be UTF-8 JSON text ({@link JsonText}),
 * and every parser holds numbers to {@link NumberBounds}.
 */
final class WireJsonFactory extends JsonFactory {

  private static final long serialVersionUID = 1L;

  WireJsonFactory() {
    super();
  }

  private WireJsonFactory(WireJsonFactory src) {
    super(src, null);
  }

  @Override
  public JsonFactory copy() {
    return new WireJsonFactory(this);
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt)
      throws IOException {
    String problem = JsonText.problem(data, offset, len);
    if (problem != null) {
      throw new WireJsonException(null, problem, "");
    }
    return new BoundedNumberParser(super._createParser(data, offset, len, ctxt));
  }

  @Override
  protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
    // Streams are read whole so that the same encoding rules apply as to byte arrays.
    byte[] all = in.readAllBytes();
    return _createParser(all, 0, all.length, ctxt);
  }

  @Override
  protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
    return new BoundedNumberParser(super._createParser(r, ctxt));
  }

  @Override
  protected JsonParser _createParser(
      char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
    return new BoundedNumberParser(super._createParser(data, offset, len, ctxt, recyclable));
  }
}
