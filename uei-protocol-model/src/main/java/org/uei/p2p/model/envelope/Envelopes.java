package org.uei.p2p.model.envelope;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.JsonProblems;

/**
 * Reading and writing whole wave-1 messages.
 *
 * <p>A node knows the action from the endpoint it was called on, so the usual call is {@code
 * Envelopes.parse(body, Action.SELECT, OrderMessage.class)}: one pass over the bytes. When the
 * action is not known (a file, a log line), {@link #parse(byte[])} reads {@code context.action}
 * first. Either way the result serializes back ({@link #write}) to JSON equal to the input.
 */
public final class Envelopes {

  private static final Map<Action, ObjectReader> READERS = new EnumMap<>(Action.class);
  private static final ObjectReader UNKNOWN_ACTION_READER = readerFor(Message.class);

  static {
    for (Action a : Action.values()) {
      READERS.put(a, readerFor(a.messageType()));
    }
  }

  private Envelopes() {}

  private static ObjectReader readerFor(Class<? extends Message> messageType) {
    JavaType t =
        BecknJson.mapper().getTypeFactory().constructParametricType(Envelope.class, messageType);
    return BecknJson.readerFor(t);
  }

  /**
   * Reads a message for a known action.
   *
   * @throws MessageParseException when the body is not JSON or a member has the wrong JSON type
   * @throws IllegalArgumentException when {@code messageType} is not the message class of {@code
   *     action}
   */
  public static <M extends Message> Envelope<M> parse(
      byte[] body, Action action, Class<M> messageType) throws MessageParseException {
    if (messageType != action.messageType()) {
      throw new IllegalArgumentException(
          action
              + " carries "
              + action.messageType().getSimpleName()
              + ", not "
              + messageType.getSimpleName());
    }
    try {
      return READERS.get(action).readValue(body);
    } catch (IOException e) {
      throw translate(e);
    }
  }

  /** Reads a message for a known action, with the message class of that action. */
  public static Envelope<? extends Message> parse(byte[] body, Action action)
      throws MessageParseException {
    return parse(body, action, action.messageType());
  }

  /**
   * Reads a message whose action is taken from {@code context.action}. An unknown or missing action
   * gives an envelope whose message is a plain {@link Message}.
   */
  public static Envelope<? extends Message> parse(byte[] body) throws MessageParseException {
    JsonNode tree;
    try {
      tree = BecknJson.readTree(body);
    } catch (IOException e) {
      throw translate(e);
    }
    return fromTree(tree, actionOf(tree));
  }

  /**
   * Converts an already parsed tree into the envelope of {@code action} ({@code null}: plain
   * message).
   */
  public static Envelope<? extends Message> fromTree(JsonNode tree, Action action)
      throws MessageParseException {
    if (tree == null || !tree.isObject()) {
      throw new MessageParseException(
          BecknError.of(
              ErrorCode.INVALID_REQUEST,
              "the body must be a JSON object with context and message",
              ""),
          false,
          null);
    }
    try {
      ObjectReader r = action == null ? UNKNOWN_ACTION_READER : READERS.get(action);
      return r.readValue(tree);
    } catch (IOException e) {
      throw translate(e);
    }
  }

  /** The action named by {@code context.action} of a tree, or {@code null} if absent or unknown. */
  public static Action actionOf(JsonNode tree) {
    JsonNode a = tree == null ? null : tree.path("context").get("action");
    return a != null && a.isTextual() ? Action.fromWireName(a.asText()).orElse(null) : null;
  }

  /** The message as compact UTF-8 JSON, as it should go on the wire (and be signed). */
  public static byte[] write(Envelope<?> envelope) {
    return BecknJson.write(envelope);
  }

  private static MessageParseException translate(IOException e) {
    JsonProblems.Problem p = JsonProblems.of(e);
    return new MessageParseException(
        BecknError.of(ErrorCode.INVALID_REQUEST, p.message(), p.path()), p.notJson(), e);
  }
}
