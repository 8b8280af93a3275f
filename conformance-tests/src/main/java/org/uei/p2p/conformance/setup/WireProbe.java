package org.uei.p2p.conformance.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Tells which wire a participant speaks from its first answer: an unsigned, empty POST to one of
 * its endpoints must be refused, and the shape of the refusal names the generation ({@code
 * {"message":{"ack":{"status":"NACK"}}}} on wave 1, {@code {"status":"NACK"}} on wave 2). Without a
 * readable answer the network's current wire, wave 2, is assumed.
 */
public final class WireProbe {

  /** The wire generations the kit speaks. */
  public enum Wire {
    WAVE1,
    WAVE2;

    /** The name on the command line: {@code wave1}, {@code wave2}. */
    public String option() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What the probe found.
   *
   * @param wire the generation to speak
   * @param shown true when the target's answer showed it, false when it is the fallback
   * @param reason how it was told, in a few words
   */
  public record Detected(Wire wire, boolean shown, String reason) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  /** POSTs {@code {}} unsigned to {@code {targetUrl}/{action}} and reads the refusal's shape. */
  public Detected detect(String targetUrl, String action) {
    String url = (targetUrl.endsWith("/") ? targetUrl : targetUrl + "/") + action;
    byte[] body;
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      body = r.body();
    } catch (IOException | IllegalArgumentException e) {
      return new Detected(
          Wire.WAVE2, false, "no answer from " + url + ": wave 2, the network's wire");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Detected(Wire.WAVE2, false, "interrupted: wave 2, the network's wire");
    }
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      tree = null;
    }
    if (tree != null && tree.path("message").path("ack").has("status")) {
      return new Detected(
          Wire.WAVE1, true, "the target answered " + action + " in the wave-1 shape");
    }
    if (tree != null && (tree.has("status") || tree.path("message").has("status"))) {
      return new Detected(
          Wire.WAVE2, true, "the target answered " + action + " in the wave-2 shape");
    }
    return new Detected(
        Wire.WAVE2, false, "the target's answer shows no wire: wave 2, the network's wire");
  }
}
