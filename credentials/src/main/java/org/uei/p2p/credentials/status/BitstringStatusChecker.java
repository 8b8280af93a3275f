package org.uei.p2p.credentials.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.uei.p2p.credentials.model.Problem;
import org.uei.p2p.credentials.model.Reason;
import org.uei.p2p.credentials.model.VerificationResult;

/**
 * The W3C {@code BitstringStatusListEntry} status type: fetches the entry's status list credential,
 * verifies it (its issuer must be the credential's issuer's concern: the verifier passed in checks
 * proof and trust), and reads the bit at {@code statusListIndex}.
 */
public final class BitstringStatusChecker implements StatusChecker {

  private final Function<String, String> fetcher;
  private final Function<String, VerificationResult> listVerifier;

  /**
   * @param fetcher returns the status list credential's text for its URL, or throws {@link
   *     java.io.UncheckedIOException}
   * @param listVerifier verifies the status list credential (proof, issuer, validity; not its own
   *     status)
   */
  public BitstringStatusChecker(
      Function<String, String> fetcher, Function<String, VerificationResult> listVerifier) {
    this.fetcher = fetcher;
    this.listVerifier = listVerifier;
  }

  /** A fetcher over HTTP(S) with {@code timeout}. */
  public static Function<String, String> httpFetcher(HttpClient client, Duration timeout) {
    return url -> {
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
          throw new java.io.UncheckedIOException(new IOException("HTTP " + r.statusCode()));
        }
        return r.body();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.UncheckedIOException(new IOException("interrupted"));
      }
    };
  }

  @Override
  public Optional<Problem> check(JsonNode entry, String path) {
    String url = entry.path("statusListCredential").asText("");
    String purpose = entry.path("statusPurpose").asText("");
    int index;
    try {
      index = Integer.parseInt(entry.path("statusListIndex").asText(""));
    } catch (NumberFormatException e) {
      return Optional.of(
          Problem.malformed(path + ".statusListIndex", "must be a non-negative integer"));
    }
    String text;
    try {
      text = fetcher.apply(url);
    } catch (RuntimeException e) {
      return unavailable(path, "status list " + url + " could not be fetched: " + e.getMessage());
    }
    VerificationResult list = listVerifier.apply(text);
    if (!list.valid()) {
      return unavailable(
          path, "status list " + url + " does not verify: " + list.problems().get(0));
    }
    JsonNode subject = list.credential().subject();
    if (!"BitstringStatusList".equals(subject.path("type").asText())) {
      return unavailable(path, "status list " + url + " is not a BitstringStatusList");
    }
    if (!purpose.equals(subject.path("statusPurpose").asText())) {
      return unavailable(
          path,
          "status list "
              + url
              + " is for '"
              + subject.path("statusPurpose").asText()
              + "', the entry for '"
              + purpose
              + "'");
    }
    boolean set;
    try {
      set = BitstringStatusList.decode(subject.path("encodedList").asText("")).get(index);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return unavailable(path, "status list " + url + ": " + e.getMessage());
    }
    if (!set) {
      return Optional.empty();
    }
    Reason reason = "suspension".equals(purpose) ? Reason.SUSPENDED : Reason.REVOKED;
    return Optional.of(
        new Problem(
            reason, path, "bit " + index + " of status list " + url + " is set (" + purpose + ")"));
  }

  private static Optional<Problem> unavailable(String path, String message) {
    return Optional.of(new Problem(Reason.STATUS_UNAVAILABLE, path, message));
  }
}
