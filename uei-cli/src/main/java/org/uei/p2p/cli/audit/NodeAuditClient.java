package org.uei.p2p.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.uei.p2p.audit.merkle.ConsistencyProof;
import org.uei.p2p.audit.sth.TreeHeadException;
import org.uei.p2p.audit.verify.KnownHead;
import org.uei.p2p.audit.verify.LogVerifier;
import org.uei.p2p.audit.verify.TreeHeadProofs;
import org.uei.p2p.audit.verify.VerificationReport;
import org.uei.p2p.audit.verify.VerificationReport.Problem;
import org.uei.p2p.signing.keys.Ed25519PublicKey;
import picocli.CommandLine;

/** Reads a running node's {@code /audit} API. */
final class NodeAuditClient {

  private static final ObjectMapper JSON = new ObjectMapper();

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
   * Has the node sign its current head, checks with the node's own consistency proofs that this
   * head extends every head in {@code known}, then verifies the export it streams against all of
   * them: an export cut back to an older head, or rewritten below a head already handed out, fails
   * naming that head.
   */
  VerificationReport verifyExport(
      Ed25519PublicKey key, List<KnownHead> known, LogVerifier verifier) {
    KnownHead current;
    try {
      current =
          KnownHead.verify(
              "the node's signed tree head from GET " + baseUrl + "/audit/sth",
              text(json("/audit/sth"), "sth", "/audit/sth"),
              key);
    } catch (TreeHeadException e) {
      return VerificationReport.failure(Problem.BAD_TREE_HEAD_SIGNATURE, e.getMessage());
    }
    for (KnownHead k : known) {
      VerificationReport problem = extendsKnown(current, k);
      if (problem != null) {
        return problem;
      }
    }
    List<KnownHead> all = new ArrayList<>(known);
    all.add(current);
    HttpResponse<InputStream> response =
        get("/audit/export", HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      return verifier.knownHeads(all).verify(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the export of " + baseUrl + ": " + e.getMessage(), e);
    }
  }

  /** Null when the node proves (RFC 9162 §2.1.4) that {@code current} extends {@code known}. */
  private VerificationReport extendsKnown(KnownHead current, KnownHead known) {
    long first = known.head().treeSize();
    long second = current.head().treeSize();
    if (first > second) {
      return VerificationReport.failure(
          Problem.ROLLED_BACK,
          current.describe()
              + " is older than "
              + known.describe()
              + ": the node rolled its log back");
    }
    HttpResponse<String> answer =
        send(
            "/audit/proof/consistency?first=" + first + "&second=" + second,
            HttpResponse.BodyHandlers.ofString());
    ConsistencyProof proof = null;
    if (answer.statusCode() == 200) {
      try {
        List<byte[]> path = new ArrayList<>();
        for (JsonNode h : JSON.readTree(answer.body()).path("consistency_path")) {
          path.add(Base64.getDecoder().decode(h.asText()));
        }
        proof = new ConsistencyProof(first, second, path);
      } catch (IOException | IllegalArgumentException e) {
        proof = null;
      }
    }
    if (proof == null || !TreeHeadProofs.extendsHead(known.head(), current.head(), proof)) {
      return VerificationReport.failure(
          Problem.INCONSISTENT_WITH_KNOWN_HEAD,
          "the node's consistency proof from "
              + known.describe()
              + " to "
              + current.describe()
              + (proof == null
                  ? " was refused: HTTP "
                      + answer.statusCode()
                      + " "
                      + answer.body().replaceAll("\\s+", " ")
                  : " does not verify")
              + ": the log it signs now does not extend that head");
    }
    return null;
  }

  private JsonNode json(String path) {
    HttpResponse<String> r = get(path, HttpResponse.BodyHandlers.ofString());
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          baseUrl + path + " did not answer JSON: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalStateException(path + " answered without a \"" + field + "\" string");
    }
    return v.asText();
  }

  private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler) {
    HttpResponse<T> response = send(path, handler);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          response.uri()
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + excerpt(response.body()));
    }
    return response;
  }

  private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler) {
    URI uri;
    try {
      uri = URI.create(baseUrl + path);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "--node: not a URL: " + baseUrl);
    }
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
      throw new CommandLine.ParameterException(cmd, "--node: not an http(s) URL: " + baseUrl);
    }
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), handler);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + uri, e);
    }
  }

  private static String excerpt(Object body) {
    if (body instanceof InputStream in) {
      try (in) {
        return new String(in.readNBytes(200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
      } catch (IOException e) {
        return "(unreadable body)";
      }
    }
    return body == null ? "(no body)" : body.toString().replaceAll("\\s+", " ");
  }
}
