package org.uei.p2p.model.ueiv1;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.uei.p2p.model.envelope.JsonBodies;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;

/**
 * A UEI v1 (Beckn 1.1.0) message on the wire: {@code {context, message}}, and on a callback an
 * optional {@code error}. Read one with {@link #parse(byte[])} and write it with {@link #write()};
 * what was read is written back unchanged (members, their order, numbers as written, members this
 * library does not model). Immutable.
 */
public final class UeiV1Envelope extends UeiV1Object {

  private UeiV1Envelope(ObjectNode json) {
    super(json, "");
  }

  /**
   * Reads a UEI v1 message.
   *
   * @throws MessageParseException when the body is not one JSON object, has duplicate keys, or
   *     holds a number beyond bounds or a NUL character (code 30000 with the JSON path)
   */
  public static UeiV1Envelope parse(byte[] body) throws MessageParseException {
    return new UeiV1Envelope(JsonBodies.readObject(body));
  }

  /** An envelope over a copy of an already read tree, checked the same way. */
  public static UeiV1Envelope fromTree(ObjectNode tree) throws MessageParseException {
    ObjectNode copy = tree.deepCopy();
    JsonBodies.check(copy);
    return new UeiV1Envelope(copy);
  }

  /** An envelope of a context (as JSON) and a message, e.g. to send what a codec built. */
  public static UeiV1Envelope of(ObjectNode context, UeiV1Message message) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("context", context.deepCopy());
    root.set("message", message.toJson());
    return new UeiV1Envelope(root);
  }

  /** {@code context}, or {@code null} when absent or not an object. */
  public UeiV1Context context() {
    return object("context", UeiV1Context::new);
  }

  /** {@code message}, or {@code null} when absent or not an object. */
  public UeiV1Message message() {
    return object("message", UeiV1Message::new);
  }

  /** The action named by {@code context.action}, if known. */
  public Optional<UeiV1Action> action() {
    UeiV1Context c = context();
    return c == null ? Optional.empty() : UeiV1Action.fromWireName(c.action());
  }

  /** The message as compact UTF-8 JSON, as it should go on the wire (and be signed). */
  public byte[] write() {
    return BecknJson.write(node());
  }
}
