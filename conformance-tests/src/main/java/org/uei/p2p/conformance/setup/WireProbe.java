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
 * {"message":{"ack":{"status":"NACK"}}}} on wave 1, {@code {"status":"NACK"}} on wave 2). Beckn
 * 1.1.0 (UEI v1) refuses in the wave-1 shape too but has no {@code discover}: a target that answers
 * {@code discover} with 404 and {@code search} with a refusal speaks UEI v1. Without a readable
 * answer the network's current wire, wave 2, is assumed.
 */
public final class WireProbe {

  /** The wire generations the kit speaks. */
  public enum Wire {
    WAVE1,
    WAVE2,
    /** Beckn 1.1.0, domain {@code uei:p2p-trading}: the UP pilot's wire. */
    UEI_V1;

    /** The name on the command line: {@code wave1}, {@code wave2}, {@code uei-v1}. */
    public String option() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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

  /**
   * POSTs {@code {}} unsigned to {@code {targetUrl}/{action}} and reads the refusal's shape; when
   * the wave-1 {@code action} is unknown there (404), asks its Beckn 1.1.0 twin ({@code search} for
   * {@code discover}, {@code on_search} for {@code on_discover}).
   */
  public Detected detect(String targetUrl, String action) {
    Probed first = probe(targetUrl, action);
    String twin = UEI_V1_TWINS.get(action);
    if (twin == null || !first.notFound()) {
      return first.detected();
    }
    Probed second = probe(targetUrl, twin);
    if (second.notFound() || second.detected().wire() != Wire.WAVE1) {
      return first.detected();
    }
    return new Detected(
        Wire.UEI_V1,
        true,
        "the target does not know " + action + " and answered " + twin + " (Beckn 1.1.0)");
  }

  private static final java.util.Map<String, String> UEI_V1_TWINS =
      java.util.Map.of("discover", "search", "on_discover", "on_search");

  /** What one probe saw: the wire its answer shows, and whether the endpoint was unknown. */
  private record Probed(Detected detected, boolean notFound) {}

  private Probed probe(String targetUrl, String action) {
    String url = (targetUrl.endsWith("/") ? targetUrl : targetUrl + "/") + action;
    byte[] body;
    int status;
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
      status = r.statusCode();
    } catch (IOException | IllegalArgumentException e) {
      return new Probed(
          new Detected(Wire.WAVE2, false, "no answer from " + url + ": wave 2, the network's wire"),
          false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probed(
          new Detected(Wire.WAVE2, false, "interrupted: wave 2, the network's wire"), false);
    }
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      tree = null;
    }
    boolean notFound = status == 404;
    if (tree != null && tree.path("message").path("ack").has("status")) {
      return new Probed(
          new Detected(Wire.WAVE1, true, "the target answered " + action + " in the wave-1 shape"),
          notFound);
    }
    if (tree != null && (tree.has("status") || tree.path("message").has("status"))) {
      return new Probed(
          new Detected(Wire.WAVE2, true, "the target answered " + action + " in the wave-2 shape"),
          notFound);
    }
    return new Probed(
        new Detected(
            Wire.WAVE2, false, "the target's answer shows no wire: wave 2, the network's wire"),
        notFound);
  }
}
