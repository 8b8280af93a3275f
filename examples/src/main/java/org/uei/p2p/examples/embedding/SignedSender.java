package org.uei.p2p.examples.embedding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.uei.p2p.model.envelope.AckResponse;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.registry.LookupQuery;
import org.uei.p2p.registry.Registry;
import org.uei.p2p.registry.RegistryException;
import org.uei.p2p.registry.Subscriber;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.SignatureHeaders;

/**
 * How a buyer app sends a Beckn request with the libraries alone: find the receiver's URL in the
 * registry, sign the exact bytes that go on the wire, POST them and read the ACK or NACK.
 *
 * <p>The body is serialized once by the caller and never touched again: the signature covers those
 * bytes, and re-serializing them (even to "the same" JSON) would break it.
 */
public final class SignedSender {

  /** What the receiver answered at once: the HTTP status and its ACK or NACK. */
  public record Reply(int httpStatus, AckResponse ack, String wwwAuthenticate) {}

  private final BecknSigner signer;
  private final Registry registry;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public SignedSender(BecknSigner signer, Registry registry, Clock clock) {
    this.signer = signer;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * The callback base URL the registry publishes for {@code subscriberId}, from a usable record.
   */
  public String urlOf(String subscriberId) throws RegistryException {
    return registry.lookup(LookupQuery.bySubscriber(subscriberId)).stream()
        .filter(s -> s.unusableReason(clock.instant()).isEmpty())
        .map(Subscriber::url)
        .findFirst()
        .orElseThrow(
            () ->
                new RegistryException(
                    registry.name() + " has no usable record for " + subscriberId));
  }

  /** Signs {@code body} and POSTs it to {@code {url of receiverId}/{action}}. */
  public Reply send(String receiverId, String action, byte[] body)
      throws RegistryException, IOException, InterruptedException, MessageParseException {
    return post(urlOf(receiverId), action, body, signer.authorization(body));
  }

  /**
   * POSTs {@code body} with a given {@code Authorization} value. The demo uses it to show what a
   * receiver does with a body changed after signing.
   */
  public Reply post(String baseUrl, String action, byte[] body, String authorization)
      throws IOException, InterruptedException, MessageParseException {
    URI uri = URI.create(baseUrl.replaceAll("/+$", "") + "/" + action);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(SignatureHeaders.AUTHORIZATION, authorization)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(
        response.statusCode(),
        AckResponse.parse(response.body()),
        response.headers().firstValue(SignatureHeaders.WWW_AUTHENTICATE).orElse(null));
  }
}
