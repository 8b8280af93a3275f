package org.uei.p2p.conformance.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.signing.SignatureHeaders;

/**
 * POSTs Beckn messages with whatever {@code Authorization} the caller chose: a correct signature,
 * none, or a deliberately broken one. Every exchange is returned with its evidence.
 */
public final class BecknClient {

  /** A sent message and its answer. */
  public record Sent(String url, byte[] body, String authorization, HttpAnswer answer) {
    /** The exchange as report evidence. */
    public Exchange evidence(String title) {
      StringBuilder s = new StringBuilder("POST ").append(url).append('\n');
      if (authorization != null) {
        s.append(SignatureHeaders.AUTHORIZATION).append(": ").append(authorization).append('\n');
      }
      s.append('\n').append(new String(body, StandardCharsets.UTF_8));
      StringBuilder r = new StringBuilder();
      if (answer.status() == 0) {
        r.append(answer.problem());
      } else {
        r.append("HTTP ").append(answer.status()).append('\n');
        String challenge = answer.header(SignatureHeaders.WWW_AUTHENTICATE);
        if (challenge != null) {
          r.append(SignatureHeaders.WWW_AUTHENTICATE).append(": ").append(challenge).append('\n');
        }
        r.append('\n').append(answer.text());
      }
      return new Exchange(title, s.toString(), r.toString());
    }
  }

  private final HttpClient http;
  private final Duration timeout;

  /** A client whose requests give up after {@code timeout}. */
  public BecknClient(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** POSTs {@code body} to {@code {baseUrl}/{action}}; {@code authorization} null sends none. */
  public Sent post(String baseUrl, String action, byte[] body, String authorization) {
    String url = (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + action;
    HttpRequest.Builder r;
    try {
      r =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } catch (IllegalArgumentException e) {
      return new Sent(
          url,
          body,
          authorization,
          new HttpAnswer(0, Map.of(), new byte[0], "bad URL: " + e.getMessage()));
    }
    if (authorization != null) {
      r.header(SignatureHeaders.AUTHORIZATION, authorization);
    }
    try {
      HttpResponse<byte[]> a = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, java.util.List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(a.headers().map());
      return new Sent(
          url, body, authorization, new HttpAnswer(a.statusCode(), headers, a.body(), null));
    } catch (IOException e) {
      return new Sent(
          url,
          body,
          authorization,
          new HttpAnswer(0, Map.of(), new byte[0], "cannot reach " + url + ": " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sent(
          url, body, authorization, new HttpAnswer(0, Map.of(), new byte[0], "interrupted"));
    }
  }
}
