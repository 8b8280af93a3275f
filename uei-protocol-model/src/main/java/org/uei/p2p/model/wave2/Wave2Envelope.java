package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.uei.p2p.model.envelope.MessageParseException;

/**
 * A wave-2 message on the wire: {@code {context, message}}. Read one with {@link #parse(byte[])}
 * and write it with {@link #write()}; what was read is written back unchanged (members, their
 * order, numbers as written). Immutable.
 */
public final class Wave2Envelope extends Wave2Object {

  private Wave2Envelope(ObjectNode json) {
    super(json, "");
  }

  /**
   * Reads a wave-2 message.
   *
   * @throws MessageParseException when the body is not one JSON object, has duplicate keys, or
   *     holds a number beyond {@link Wave2Json}'s bounds or a NUL character (code 30000 with the
   *     JSON path)
   */
  public static Wave2Envelope parse(byte[] body) throws MessageParseException {
    return new Wave2Envelope(Wave2Json.read(body));
  }

  /**
   * An envelope over a copy of an already read tree; its numbers and strings are checked the same
   * way.
   */
  public static Wave2Envelope fromTree(ObjectNode tree) throws MessageParseException {
    ObjectNode copy = tree.deepCopy();
    Wave2Json.check(copy);
    return new Wave2Envelope(copy);
  }

  /** An envelope of a context (as JSON) and a message, e.g. to send what a codec built. */
  public static Wave2Envelope of(ObjectNode context, Wave2Message message) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("context", context.deepCopy());
    root.set("message", message.toJson());
    return new Wave2Envelope(root);
  }

  /** {@code context}, or {@code null} when absent or not an object. */
  public Wave2Context context() {
    return object("context", Wave2Context::new);
  }

  /** {@code message}, or {@code null} when absent or not an object. */
  public Wave2Message message() {
    return object("message", Wave2Message::new);
  }

  /** The action named by {@code context.action}, if known. */
  public Optional<Wave2Action> action() {
    Wave2Context c = context();
    return c == null ? Optional.empty() : Wave2Action.fromWireName(c.action());
  }

  /** The message as compact UTF-8 JSON, as it should go on the wire (and be signed). */
  public byte[] write() {
    return Wave2Json.write(json());
  }
}
