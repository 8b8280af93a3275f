package org.uei.p2p.cli.market;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The plain-JSON operator API of a node, as the market commands call it. */
final class NodeHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private NodeHttp() {}

  static HttpResponse<String> send(HttpRequest.Builder request, String node) throws IOException {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + node, e);
    } catch (java.net.ConnectException e) {
      throw new IOException("cannot reach node " + node);
    }
  }

  static URI uri(String node, String path) {
    String base = node.endsWith("/") ? node.substring(0, node.length() - 1) : node;
    try {
      return URI.create(base + path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("node URL '" + node + "' is not a URL");
    }
  }

  /** The node's error message when the body is {@code {"error": "..."}}, else the status. */
  static String error(HttpResponse<String> r) {
    String b = r.body();
    int i = b.indexOf("\"error\"");
    if (i >= 0) {
      int start = b.indexOf('"', b.indexOf(':', i) + 1);
      int end = b.lastIndexOf('"');
      if (start >= 0 && end > start) {
        return b.substring(start + 1, end);
      }
    }
    return "HTTP " + r.statusCode();
  }
}
