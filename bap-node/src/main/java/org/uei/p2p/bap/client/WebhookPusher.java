package org.uei.p2p.bap.client;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.uei.p2p.bap.BapConfig;
import org.uei.p2p.model.json.BecknJson;

/**
 * Pushes request results to the buyer app's webhook, signed with HMAC-SHA256 over the exact body
 * ({@code X-UEI-Signature: sha256=<hex>}), retrying a few times. A push that never lands loses
 * nothing: results stay readable with {@code GET /client/requests/{messageId}}.
 */
@ApplicationScoped
public class WebhookPusher {

  /** The header carrying the body's HMAC. */
  public static final String SIGNATURE_HEADER = "X-UEI-Signature";

  private static final int ATTEMPTS = 4;

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "uei-webhook");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject BapConfig config;
  @Inject ClientResults results;

  /**
   * Queues a push, if a webhook is configured, of the result of the request {@code messageId}
   * answers, or of the whole transaction for an unsolicited callback.
   */
  public void push(String messageId, String transactionId) {
    if (config.webhook().url().isEmpty()) {
      return;
    }
    executor.execute(() -> attempt(messageId, transactionId, 1));
  }

  private void attempt(String messageId, String transactionId, int attempt) {
    try {
      Object result = results.ofRequest(messageId);
      byte[] body = BecknJson.write(result != null ? result : results.ofTransaction(transactionId));
      HttpRequest.Builder r =
          HttpRequest.newBuilder(URI.create(config.webhook().url().get()))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      config
          .webhook()
          .secret()
          .ifPresent(secret -> r.header(SIGNATURE_HEADER, "sha256=" + hmac(secret, body)));
      int status = client.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        return;
      }
      retry(messageId, transactionId, attempt, "HTTP " + status);
    } catch (Exception e) {
      retry(messageId, transactionId, attempt, e.toString());
    }
  }

  private void retry(String messageId, String transactionId, int attempt, String why) {
    if (attempt >= ATTEMPTS) {
      Log.warnf("webhook push of %s given up after %d attempts: %s", messageId, attempt, why);
      return;
    }
    executor.schedule(
        () -> attempt(messageId, transactionId, attempt + 1), 1L << attempt, TimeUnit.SECONDS);
  }

  /** Hex HMAC-SHA256 of {@code body} under {@code secret} (UTF-8). */
  public static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    executor.shutdownNow();
  }
}
