package org.uei.p2p.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.uei.p2p.model.json.BecknJson;

/** Loads the test fixtures and makes edited copies of them. */
public final class Fixtures {

  private Fixtures() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode tree(String name) {
    try {
      return (ObjectNode) BecknJson.readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture with {@code edit} applied to the object at JSON pointer {@code at}. */
  public static byte[] edited(String name, String at, Consumer<ObjectNode> edit) {
    ObjectNode root = tree(name);
    JsonNode target = root.at(JsonPointer.compile(at));
    if (!(target instanceof ObjectNode o)) {
      throw new IllegalArgumentException("no object at " + at + " in " + name);
    }
    edit.accept(o);
    return BecknJson.write(root);
  }

  /** The fixture with the member {@code field} of the object at {@code at} removed. */
  public static byte[] without(String name, String at, String field) {
    return edited(
        name,
        at,
        o -> {
          if (o.remove(field) == null) {
            throw new IllegalArgumentException("no member " + field + " at " + at);
          }
        });
  }

  /** Appends {@code value} to the array member {@code field} of the object at {@code at}. */
  public static byte[] appended(String name, String at, String field, JsonNode value) {
    return edited(name, at, o -> ((ArrayNode) o.get(field)).add(value));
  }
}
