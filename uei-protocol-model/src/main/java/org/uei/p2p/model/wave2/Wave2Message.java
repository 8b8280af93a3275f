package org.uei.p2p.model.wave2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code message} of a wave-2 envelope. What it carries depends on the action ({@link
 * Wave2Action#carries()}): a contract, catalogs, or a discover intent. Getters for what a message
 * does not carry return {@code null} or an empty list.
 */
public final class Wave2Message extends Wave2Object {

  Wave2Message(ObjectNode json, String path) {
    super(json, path);
  }

  /** A message over a copy of {@code json}, e.g. one a codec built. */
  public static Wave2Message of(ObjectNode json) {
    return new Wave2Message(json.deepCopy(), "message");
  }

  /** {@code contract} of init … on_cancel, or {@code null}. */
  public Contract contract() {
    return object("contract", Contract::new);
  }

  /** {@code catalogs[]} of catalog/publish and on_discover. */
  public List<Catalog> catalogs() {
    return objects("catalogs", Catalog::new);
  }

  /** {@code intent} of discover, or {@code null}. */
  public Intent intent() {
    return object("intent", Intent::new);
  }

  /**
   * {@code ack.status} when a callback carries an acknowledgement instead of a contract (as the
   * devkit's ledger providers answer on_confirm), else {@code null}.
   */
  public String ackStatus() {
    JsonNode s = json().path("ack").path("status");
    return s.isTextual() ? s.asText() : null;
  }

  /** The discover intent: a JSONPath-style filter over offers, or a free-text search. */
  public static final class Intent extends Wave2Object {
    /** The only filter language of the LTS core. */
    public static final String JSONPATH = "jsonpath";

    Intent(ObjectNode json, String path) {
      super(json, path);
    }

    /** {@code filters.type}, or {@code null}. */
    public String filterType() {
      JsonNode n = json().path("filters").path("type");
      return n.isTextual() ? n.asText() : null;
    }

    /**
     * {@code filters.expression}, e.g. {@code $.catalogs[*].offers[*] ? (...)}, or {@code null}.
     */
    public String filterExpression() {
      JsonNode n = json().path("filters").path("expression");
      return n.isTextual() ? n.asText() : null;
    }

    public String textSearch() {
      return text("textSearch");
    }
  }
}
