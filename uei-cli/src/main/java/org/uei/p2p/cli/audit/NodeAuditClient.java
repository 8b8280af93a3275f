package org.uei.p2p.cli.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.uei.p2p.audit.verify.LogVerifier;
import org.uei.p2p.audit.verify.VerificationReport;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import picocli.CommandLine;

/** Reads a running node's {@code /audit} API. */
final class NodeAuditClient {

  private final CommandLine cmd;
  private final String baseUrl;
  private final Duration timeout;
  private final HttpClient http;

  NodeAuditClient(CommandLine cmd, String baseUrl, long timeoutMs) {
    this.cmd = cmd;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeout = Duration.ofMillis(timeoutMs);
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * Asks the node for its current signed head first, so that the export it then streams ends with
   * a head covering every entry, and verifies the export as it arrives.
   */
  VerificationReport verifyExport(Ed25519PublicKey key) {
    get("/audit/sth", HttpResponse.BodyHandlers.discarding());
    HttpResponse<InputStream> response = get("/audit/export", HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      return new LogVerifier(key).verify(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the export of " + baseUrl + ": " + e.getMessage(), e);
    }
  }

  private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler) {
    URI uri;
    try {
      uri = URI.create(baseUrl + path);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--node: not a URL: " + baseUrl);
    }
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
      throw new CommandLine.ParameterException(cmd, "--node: not an http(s) URL: " + baseUrl);
    }
    HttpResponse<T> response;
    try {
      response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), handler);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + uri, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered HTTP " + response.statusCode() + ": " + excerpt(response.body()));
    }
    return response;
  }

  private static String excerpt(Object body) {
    if (body instanceof InputStream in) {
      try (in) {
        String text = new String(in.readNBytes(200), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ");
      } catch (IOException e) {
        return "(unreadable body)";
      }
    }
    return "(no body)";
  }
}
