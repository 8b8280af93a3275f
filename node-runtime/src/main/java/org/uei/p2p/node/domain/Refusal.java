package org.uei.p2p.node.domain;

/**
 * A request the node's own logic refuses, with the kind of refusal and a message for the person or
 * app that asked. Domain code throws it without knowing how it is answered; the node's JSON APIs
 * answer it with a status for its kind and {@code {"error": message}} ({@code
 * org.uei.p2p.node.http.ApiErrors}).
 */
public class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a request was refused. */
  public enum Kind {
    /** The request itself is wrong (a missing or invalid field). */
    INVALID,
    /** It names something that does not exist. */
    NOT_FOUND,
    /** It conflicts with what exists (already registered, already taken). */
    CONFLICT,
    /** A counterparty or service the request depends on gave no usable answer. */
    UPSTREAM
  }

  private final Kind kind;

  public Refusal(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static Refusal invalid(String message) {
    return new Refusal(Kind.INVALID, message);
  }

  public static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, message);
  }

  public static Refusal upstream(String message) {
    return new Refusal(Kind.UPSTREAM, message);
  }
}
