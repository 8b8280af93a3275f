package org.uei.p2p.node.outbound;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.Context;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.tracing.Tracing;
import org.uei.p2p.node.wire.WireContext;
import org.uei.p2p.signing.SignatureHeaders;

/**
 * Sends signed Beckn messages of either wire: serializes once, signs those exact bytes, POSTs them
 * to {@code {baseUrl}/{action}}, reads the ACK or NACK (any wire's shape, {@link
 * AckResponse#parse}) and keeps the message and the answer in the transaction store.
 */
@ApplicationScoped
public class BecknSender {

  private final NodeIdentity identity;
  private final MessageStore store;
  private final Duration requestTimeout;
  private final int maxUrlLength;
  private final HttpClient client;
  private final Tracing tracing;

  @Inject
  public BecknSender(
      NodeIdentity identity, MessageStore store, NodeConfig config, Tracing tracing) {
    this.identity = identity;
    this.store = store;
    this.tracing = tracing;
    this.requestTimeout = config.http().requestTimeout();
    this.maxUrlLength = config.inbound().maxUrlLength();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.http().connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Serializes, signs and sends {@code envelope} to {@code baseUrl}. */
  public SendResult send(String baseUrl, String recipientId, Envelope<?> envelope) {
    return sendBytes(baseUrl, recipientId, envelope.getContext(), Envelopes.write(envelope));
  }

  /**
   * Serializes once, signs those bytes and sends the wave-2 {@code envelope} to {@code baseUrl}.
   */
  public SendResult send(String baseUrl, String recipientId, Wave2Envelope envelope) {
    return sendBytes(baseUrl, recipientId, WireContext.of(envelope.context()), envelope.write());
  }

  /** Wave-1 {@link #sendBytes(String, String, WireContext, byte[])}. */
  public SendResult sendBytes(String baseUrl, String recipientId, Context context, byte[] body) {
    return sendBytes(baseUrl, recipientId, WireContext.of(context), body);
  }

  /**
   * Signs and sends bytes already serialized (the outbox keeps the bytes, so a retry sends exactly
   * what was stored, with a fresh signature).
   *
   * @param context the context inside {@code body}, for the endpoint and the transaction store
   */
  public SendResult sendBytes(
      String baseUrl, String recipientId, WireContext context, byte[] body) {
    Attempt attempt = attempt(baseUrl, context, body);
    if (attempt.result().httpStatus() != 0) {
      try {
        store(attempt, context, recipientId);
      } catch (RuntimeException e) {
        Log.errorf(e, "could not store sent %s %s", context.action(), context.messageId());
      }
    }
    return attempt.result();
  }

  /**
   * Signs and sends bytes already serialized without storing the exchange; the caller stores it
   * with {@link #store} in a transaction of its own choosing (the outbox, with its delivery
   * record).
   */
  public Attempt attempt(String baseUrl, Context context, byte[] body) {
    return attempt(baseUrl, WireContext.of(context), body);
  }

  /**
   * Signs and sends bytes of either wire without storing the exchange; the endpoint is {@code
   * {baseUrl}/{action}} ({@code …/catalog/publish} on wave 2).
   */
  public Attempt attempt(String baseUrl, WireContext context, byte[] body) {
    String url = endpoint(baseUrl, context.action());
    Map<String, String> headers = new LinkedHashMap<>();
    var problem = ReceiverUrls.problem(url, maxUrlLength);
    if (problem.isPresent()) {
      // Inbound checks keep such URLs out; this is the last guard before a socket opens.
      return new Attempt(
          url,
          headers,
          body,
          new SendResult(0, null, null, "bad receiver URL: it " + problem.get()));
    }
    headers.put("Content-Type", "application/json");
    headers.put(SignatureHeaders.AUTHORIZATION, identity.signer().authorization(body));
    Span span = tracing.start("POST " + context.action(), SpanKind.CLIENT);
    Tracing.describe(span, context.action(), context.transactionId(), context.messageId());
    span.setAttribute("http.request.method", "POST");
    span.setAttribute("url.full", url);
    Scope scope = span.makeCurrent();
    try {
      // An extra header beside the signature: the signed body and its digest stay as they were.
      tracing.inject(headers);
      SendResult result = post(url, headers, body);
      if (result.httpStatus() != 0) {
        span.setAttribute("http.response.status_code", result.httpStatus());
      }
      if (!result.acked()) {
        Tracing.failed(span, result.describe());
      }
      return new Attempt(url, headers, body, result);
    } finally {
      scope.close();
      span.end();
    }
  }

  /** Keeps a sent message and the receiver's answer in the transaction store. */
  public void store(Attempt attempt, Context context, String recipientId) {
    store(attempt, WireContext.of(context), recipientId);
  }

  /** Keeps a sent message of either wire and the receiver's answer in the transaction store. */
  public void store(Attempt attempt, WireContext context, String recipientId) {
    store.saveOutbound(
        context,
        attempt.url(),
        recipientId,
        attempt.headers(),
        attempt.body(),
        attempt.result().httpStatus(),
        attempt.result().responseBody());
  }

  /**
   * One message sent.
   *
   * @param url where it went
   * @param headers the headers sent, with the signature
   * @param body the exact bytes sent
   * @param result the receiver's answer
   */
  public record Attempt(String url, Map<String, String> headers, byte[] body, SendResult result) {}

  private SendResult post(String url, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(requestTimeout)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } catch (IllegalArgumentException e) {
      return new SendResult(0, null, null, "bad receiver URL '" + url + "': " + e.getMessage());
    }
    headers.forEach(request::header);
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return new SendResult(0, null, null, "no answer from " + url + " within " + requestTimeout);
    } catch (IOException e) {
      return new SendResult(0, null, null, "cannot reach " + url + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendResult(0, null, null, "interrupted while sending to " + url);
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    try {
      return new SendResult(response.statusCode(), AckResponse.parse(response.body()), text, null);
    } catch (MessageParseException e) {
      return new SendResult(
          response.statusCode(), null, text, "answer is not an ACK/NACK: " + e.getMessage());
    }
  }

  static String endpoint(String baseUrl, String action) {
    return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + action;
  }
}
