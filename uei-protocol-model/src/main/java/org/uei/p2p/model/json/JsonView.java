package org.uei.p2p.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Base of the wire objects of the generations read as views (IES wave 2, UEI v1): a read-only,
 * typed view over the JSON object it was read from.
 *
 * <p>The JSON is the value. Typed getters read from it; nothing is copied into fields, so a message
 * parsed and written again is the same JSON, member for member, in its order, with numbers as
 * written and every member this library does not model. A getter returns {@code null} (or an empty
 * list) when the member is absent or not of the expected JSON type: telling those apart is
 * validation's job ({@link #typeOf(String)}), which then reports the path of the member at fault.
 *
 * <p>Views never change their JSON and never hand out a mutable part of it (containers are copied,
 * scalar nodes are immutable), so a view is an immutable value and safe to share between threads.
 */
public abstract class JsonView {

  private final ObjectNode json;
  private final String path;

  /**
   * A view of {@code json}, which the caller must not change afterwards, found at JSON path {@code
   * path}.
   */
  protected JsonView(ObjectNode json, String path) {
    this.json = json;
    this.path = path;
  }

  /** The JSON path of this object in its message, e.g. {@code message.contract.commitments[0]}. */
  public final String path() {
    return path;
  }

  /** The JSON path of member {@code name} of this object. */
  public final String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The JSON type of member {@code name}; {@link JsonNodeType#MISSING} when absent. */
  public final JsonNodeType typeOf(String name) {
    JsonNode n = json.get(name);
    return n == null ? JsonNodeType.MISSING : n.getNodeType();
  }

  /** Member {@code name} as JSON, or {@code null}; a copy, so changing it changes nothing here. */
  public final JsonNode member(String name) {
    JsonNode n = json.get(name);
    return n == null ? null : n.isContainerNode() ? n.deepCopy() : n;
  }

  /** The member names of this object in wire order. */
  public final List<String> memberNames() {
    List<String> names = new ArrayList<>(json.size());
    json.fieldNames().forEachRemaining(names::add);
    return Collections.unmodifiableList(names);
  }

  /** This object as JSON: a copy, in wire order. */
  public final ObjectNode toJson() {
    return json.deepCopy();
  }

  /** For subclasses: the object itself, never to be changed. */
  protected final ObjectNode node() {
    return json;
  }

  /** Text of member {@code name}, or {@code null} when absent or not a string. */
  protected final String text(String name) {
    JsonNode n = json.get(name);
    return n != null && n.isTextual() ? n.asText() : null;
  }

  /** Member {@code name} as a decimal, or {@code null} when absent or not a number. */
  protected final BigDecimal decimal(String name) {
    return decimalOf(json.get(name));
  }

  /** Member {@code name} as an object view, or {@code null} when absent or not an object. */
  protected final <T> T object(String name, BiFunction<ObjectNode, String, T> view) {
    JsonNode n = json.get(name);
    return n instanceof ObjectNode o ? view.apply(o, pathOf(name)) : null;
  }

  /**
   * Member {@code name} as a list of object views, in wire order; an element that is not an object
   * is a {@code null} entry (so indexes match the wire). Empty when absent or not an array.
   */
  protected final <T> List<T> objects(String name, BiFunction<ObjectNode, String, T> view) {
    JsonNode n = json.get(name);
    if (n == null || !n.isArray()) {
      return List.of();
    }
    List<T> out = new ArrayList<>(n.size());
    String at = pathOf(name);
    for (int i = 0; i < n.size(); i++) {
      out.add(n.get(i) instanceof ObjectNode o ? view.apply(o, at + "[" + i + "]") : null);
    }
    return Collections.unmodifiableList(out);
  }

  /** Member {@code name} as a list of strings; an element that is not a string is {@code null}. */
  protected final List<String> texts(String name) {
    JsonNode n = json.get(name);
    if (n == null || !n.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(n.size());
    n.forEach(e -> out.add(e.isTextual() ? e.asText() : null));
    return Collections.unmodifiableList(out);
  }

  /**
   * A number node as a decimal ({@code null} for anything else); bounds were checked at parse time.
   */
  public static BigDecimal decimalOf(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return null;
    }
    return n.isBigDecimal()
        ? n.decimalValue()
        : n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : n.decimalValue();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " at " + (path.isEmpty() ? "$" : path);
  }
}
