package org.uei.p2p.node.inbound;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.model.wire.WireGeneration;
import org.uei.p2p.node.wire.ContextField;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.node.wire.WireEnvelope;
import org.uei.p2p.signing.VerificationResult;

/**
 * One inbound request as it moves through the pipeline. The raw bytes and headers are fixed at
 * construction; stages fill in what they learn (signature result, parsed envelope of its wire,
 * stored row id). Stages read the context through the wire-neutral {@link #wireContext()}.
 */
public final class InboundExchange {

  private final String endpoint;
  private final byte[] body;
  private final Map<String, String> headers;
  private final Instant receivedAt;

  private VerificationResult signature;
  private WireEnvelope parsed;
  private Long storedId;
  private org.uei.p2p.node.store.ReplayGuard.Entry replayLookUp;
  private final org.uei.p2p.node.handler.Admitted admitted =
      new org.uei.p2p.node.handler.Admitted();

  /**
   * @param endpoint the action name of the endpoint the request was posted to, e.g. {@code init} or
   *     {@code catalog/publish}
   * @param body the exact bytes received
   * @param headers request headers; names are matched case-insensitively
   */
  public InboundExchange(
      String endpoint, byte[] body, Map<String, String> headers, Instant receivedAt) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.body = Objects.requireNonNull(body, "body");
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    this.headers = h;
    this.receivedAt = receivedAt;
  }

  /** A request posted to the endpoint of a wave-1 action. */
  public InboundExchange(
      Action endpointAction, byte[] body, Map<String, String> headers, Instant receivedAt) {
    this(
        Objects.requireNonNull(endpointAction, "endpointAction").wireName(),
        body,
        headers,
        receivedAt);
  }

  /** The action name of the endpoint posted to. */
  public String endpoint() {
    return endpoint;
  }

  /** True when the endpoint is a callback's ({@code on_*}, {@code catalog/on_publish}). */
  public boolean isCallback() {
    return org.uei.p2p.node.wire.Actions.isCallback(endpoint);
  }

  /** The exact body bytes; callers must not modify them. */
  public byte[] body() {
    return body;
  }

  /** A request header, or null. */
  public String header(String name) {
    return headers.get(name);
  }

  /** All request headers (case-insensitive names). */
  public Map<String, String> headers() {
    return headers;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  /** The signature check result, or null when verification is switched off. */
  public VerificationResult signature() {
    return signature;
  }

  void signature(VerificationResult result) {
    this.signature = result;
  }

  /** The parsed envelope of its wire; null before the parse stage. */
  public WireEnvelope parsed() {
    return parsed;
  }

  void parsed(WireEnvelope envelope) {
    this.parsed = envelope;
  }

  /** The wire of the parsed message; null before the parse stage. */
  public WireGeneration wire() {
    return parsed == null ? null : parsed.wire();
  }

  /** The parsed context of either wire; null before the parse stage. */
  public WireContext wireContext() {
    return parsed == null ? null : parsed.context();
  }

  /** The parsed wave-1 envelope; null before the parse stage and for wave-2 messages. */
  public Envelope<? extends Message> envelope() {
    return parsed instanceof WireEnvelope.Wave1 w ? w.envelope() : null;
  }

  /** The parsed wave-1 context; null before the parse stage and for wave-2 messages. */
  public Context context() {
    Envelope<? extends Message> e = envelope();
    return e == null ? null : e.getContext();
  }

  /**
   * The subscriber that sent the message according to its context ({@code bap_id} of a request,
   * {@code bpp_id} of a callback, in either spelling); the signer when the context does not name
   * the sender (wave 2's {@code catalog/on_publish}); null before parsing.
   */
  public String contextSender() {
    WireContext c = wireContext();
    if (c == null) {
      return null;
    }
    ContextField field = c.senderField();
    if (field == null) {
      return signature != null ? signature.signerId() : null;
    }
    return c.get(field);
  }

  /** The id of the stored row; null before the store stage. */
  public Long storedId() {
    return storedId;
  }

  void storedId(Long id) {
    this.storedId = id;
  }

  /** What the replay stage's early look-up found; null before it (or without it). */
  public org.uei.p2p.node.store.ReplayGuard.Entry replayLookUp() {
    return replayLookUp;
  }

  void replayLookUp(org.uei.p2p.node.store.ReplayGuard.Entry found) {
    this.replayLookUp = found;
  }

  /** What the handler's admission kept for the handling of this message. */
  public org.uei.p2p.node.handler.Admitted admitted() {
    return admitted;
  }
}
