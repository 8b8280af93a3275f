package org.uei.p2p.market.policy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.Wave2Envelope;

/** One of the policy test messages, changed member by member to make the case a test needs. */
final class Fixture {

  static final ObjectMapper JSON = new ObjectMapper();

  /** When the init fixture was sent: inside the trading window of both its slots. */
  static final Instant INIT_SENT = Instant.parse("2026-11-25T09:15:00Z");

  private final ObjectNode tree;

  private Fixture(ObjectNode tree) {
    this.tree = tree;
  }

  /** The fixture {@code name} under {@code src/test/resources/policy}. */
  static Fixture of(String name) {
    try (InputStream in = Fixture.class.getResourceAsStream("/policy/" + name)) {
      return new Fixture((ObjectNode) JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the member at JSON pointer {@code at} (its parent must exist) to a string. */
  Fixture set(String at, String value) {
    return set(at, JSON.getNodeFactory().textNode(value));
  }

  Fixture set(String at, JsonNode value) {
    JsonPointer p = JsonPointer.compile(at);
    JsonNode parent = tree.at(p.head());
    if (parent instanceof ObjectNode o) {
      o.set(p.last().getMatchingProperty(), value);
    } else if (parent instanceof ArrayNode a) {
      a.set(p.last().getMatchingIndex(), value);
    } else {
      throw new IllegalArgumentException("no parent for " + at);
    }
    return this;
  }

  /** Removes the member or element at {@code at}. */
  Fixture remove(String at) {
    JsonPointer p = JsonPointer.compile(at);
    JsonNode parent = tree.at(p.head());
    if (parent instanceof ObjectNode o) {
      o.remove(p.last().getMatchingProperty());
    } else if (parent instanceof ArrayNode a) {
      a.remove(p.last().getMatchingIndex());
    } else {
      throw new IllegalArgumentException("no parent for " + at);
    }
    return this;
  }

  Wave2Envelope envelope() {
    try {
      // Through bytes, as a node receives it: the wire reader decides how numbers are held.
      return Wave2Envelope.parse(JSON.writeValueAsBytes(tree));
    } catch (MessageParseException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  PolicyRequest at(Instant now) {
    return new PolicyRequest(envelope(), now);
  }

  PolicyRequest request() {
    return at(INIT_SENT);
  }
}
