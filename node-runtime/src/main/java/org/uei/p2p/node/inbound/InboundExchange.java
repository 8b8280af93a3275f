package org.uei.p2p.node.inbound;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.signing.VerificationResult;

/**
 * One inbound request as it moves through the pipeline. The raw bytes and headers are fixed at
 * construction; stages fill in what they learn (signature result, parsed envelope, stored row id).
 */
public final class InboundExchange {

  private final Action endpointAction;
  private final byte[] body;
  private final Map<String, String> headers;
  private final Instant receivedAt;

  private VerificationResult signature;
  private Envelope<? extends Message> envelope;
  private Long storedId;

  /**
   * @param endpointAction the action of the endpoint the request was posted to
   * @param body the exact bytes received
   * @param headers request headers; names are matched case-insensitively
   */
  public InboundExchange(Action endpointAction, byte[] body, Map<String, String> headers, Instant receivedAt) {
    this.endpointAction = Objects.requireNonNull(endpointAction, "endpointAction");
    this.body = Objects.requireNonNull(body, "body");
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    this.headers = h;
    this.receivedAt = receivedAt;
  }

  public Action endpointAction() {
    return endpointAction;
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

  /** The parsed envelope; null before the parse stage. */
  public Envelope<? extends Message> envelope() {
    return envelope;
  }

  void envelope(Envelope<? extends Message> envelope) {
    this.envelope = envelope;
  }

  /** The parsed context; null before the parse stage. */
  public Context context() {
    return envelope == null ? null : envelope.getContext();
  }

  /**
   * The subscriber that sent the message according to its context: {@code bpp_id} for callbacks,
   * {@code bap_id} for requests.
   */
  public String contextSender() {
    Context c = context();
    if (c == null) {
      return null;
    }
    return endpointAction.isCallback() ? c.getBppId() : c.getBapId();
  }

  /** The id of the stored row; null before the store stage. */
  public Long storedId() {
    return storedId;
  }

  void storedId(Long id) {
    this.storedId = id;
  }
}
