package org.uei.p2p.node.inbound;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.tracing.Tracing;

/**
 * The spans of one request's inbound phases, children of the request's server span: one phase is
 * open at a time, and the ids learned by parsing are put on the request's span and on every phase
 * from then on.
 */
final class Phases implements AutoCloseable {

  private final Tracing tracing;
  private final Span request;
  private Span open;
  private String action;
  private String transactionId;
  private String messageId;

  Phases(Tracing tracing, Span request) {
    this.tracing = tracing;
    this.request = request;
  }

  /** Ends the open phase and starts {@code name}. */
  void begin(String name) {
    close();
    open = tracing.start(name, SpanKind.INTERNAL);
    Tracing.describe(open, action, transactionId, messageId);
  }

  /** Names the message, once parsed, on the request's span and the open phase. */
  void describe(String action, String transactionId, String messageId) {
    this.action = action;
    this.transactionId = transactionId;
    this.messageId = messageId;
    Tracing.describe(request, action, transactionId, messageId);
    if (open != null) {
      Tracing.describe(open, action, transactionId, messageId);
    }
  }

  /** Records on the open phase why the request was refused, or that it failed. */
  void failed(String stage, Exception e) {
    if (open == null) {
      return;
    }
    open.setAttribute("uei.inbound.stage", stage);
    if (e instanceof InboundRejection r) {
      open.setAttribute("beckn.error.code", r.error().getCode());
      open.setAttribute("http.response.status_code", r.httpStatus());
      Tracing.failed(open, r.error().getMessage());
    } else {
      Tracing.failed(open, e.toString());
    }
  }

  @Override
  public void close() {
    if (open != null) {
      open.end();
      open = null;
    }
  }
}
