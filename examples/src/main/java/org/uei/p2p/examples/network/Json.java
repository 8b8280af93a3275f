package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain JSON over HTTP for the nodes' provider and client APIs. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Json() {}

  /** An HTTP answer with its JSON body. */
  public record Answer(int status, JsonNode body) {
    /** The body, after checking the status. */
    public JsonNode expect(int expected) {
      if (status != expected) {
        throw new IllegalStateException(
            "expected HTTP " + expected + ", got " + status + ": " + body);
      }
      return body;
    }
  }

  public static Answer post(String url, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))));
  }

  public static Answer put(String url, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))));
  }

  public static Answer get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  /** The body of a GET that does not answer JSON (a CSV report), after checking for 200. */
  public static String getText(String url) throws IOException, InterruptedException {
    HttpResponse<String> a =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (a.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + ": HTTP " + a.statusCode() + ": " + a.body());
    }
    return a.body();
  }

  private static Answer send(HttpRequest.Builder r) throws IOException, InterruptedException {
    HttpResponse<byte[]> a =
        HTTP.send(
            r.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body = a.body().length == 0 ? MAPPER.nullNode() : MAPPER.readTree(a.body());
    return new Answer(a.statusCode(), body);
  }
}
