package org.uei.p2p.conformance.bap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.uei.p2p.conformance.KitIdentity;
import org.uei.p2p.conformance.http.BecknListener;
import org.uei.p2p.model.codec.CatalogHeader;
import org.uei.p2p.model.codec.Wave1Codec;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.SignatureHeaders;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A seller platform for the kit's own negative controls: the kit's honest seller, with one fault
 * built in. Its callbacks reach the kit through a relay ({@link #callbackUrl}) that makes the
 * fault: an empty catalog, or an on_select that is late, in another transaction, or signed with a
 * key the registry does not publish; or the seller refuses every select.
 */
public final class SellerDouble implements AutoCloseable {

  /** What is wrong with this seller. */
  public enum Fault {
    NONE,
    NO_OFFER,
    LATE_ON_SELECT,
    FOREIGN_TRANSACTION,
    WRONGLY_SIGNED_ON_SELECT,
    REFUSE_EVERY_SELECT
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KitIdentity identity = KitIdentity.fresh("seller-double.conformance.local");
  private final Fault fault;
  private final Duration lateBy;
  private final FakeSeller seller;
  private final BecknListener listener;
  private final HttpServer relay;
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile String kitUrl;

  /**
   * Starts the seller and the relay and registers the seller in the registry at {@code
   * registryUrl}.
   */
  public SellerDouble(String registryUrl, Fault fault, Duration lateBy)
      throws IOException, InterruptedException {
    this.fault = fault;
    this.lateBy = lateBy;
    relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    relay.createContext("/", this::relay);
    relay.start();
    BecknVerifier verifier =
        BecknVerifier.of(RegistryKeyResolver.of(BecknRegistry.of(registryUrl)));
    listener = new BecknListener("127.0.0.1", 0, verifier, "bap_id", identity.subscriberId());
    String url = "http://127.0.0.1:" + listener.port();
    seller = new FakeSeller(identity, url, ZoneId.of("Asia/Kolkata"));
    listener.responder(
        m ->
            fault == Fault.REFUSE_EVERY_SELECT
                    && "select".equals(m.action())
                    && m.signature().valid()
                ? BecknListener.nack(200, "50000", "no energy for sale today", null, Map.of())
                : seller.respond(listener, m));
    identity.registerLocally(
        registryUrl, "BPP", url, "beckn.one:deg:p2p-trading-interdiscom:2.0.0");
  }

  public String url() {
    return "http://127.0.0.1:" + listener.port();
  }

  public String id() {
    return identity.subscriberId();
  }

  /** The kit's {@code bap_uri}: the relay, which passes callbacks on to {@code kitListenerUrl}. */
  public String callbackUrl(String kitListenerUrl) {
    this.kitUrl = kitListenerUrl;
    return "http://127.0.0.1:" + relay.getAddress().getPort();
  }

  private void relay(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String path = ex.getRequestURI().getPath();
      String auth = ex.getRequestHeaders().getFirst(SignatureHeaders.AUTHORIZATION);
      boolean onSelect = path.endsWith("/on_select");
      if (path.endsWith("/on_discover") && fault == Fault.NO_OFFER) {
        body = emptyCatalog(body);
        auth = identity.signer().authorization(body);
      }
      if (onSelect && fault == Fault.FOREIGN_TRANSACTION) {
        ObjectNode tree = (ObjectNode) JSON.readTree(body);
        ((ObjectNode) tree.get("context")).put("transaction_id", "foreign-transaction-0001");
        body = JSON.writeValueAsBytes(tree);
        auth = identity.signer().authorization(body);
      } else if (onSelect && fault == Fault.WRONGLY_SIGNED_ON_SELECT) {
        auth =
            BecknSigner.of(identity.subscriberId(), identity.keyId(), Ed25519KeyPair.generate())
                .authorization(body);
      }
      byte[] forward = body;
      String signature = auth;
      if (onSelect && fault == Fault.LATE_ON_SELECT) {
        later.schedule(
            () -> post(path, forward, signature), lateBy.toMillis(), TimeUnit.MILLISECONDS);
        answer(ex, 200, BecknListener.ack().body());
        return;
      }
      HttpResponse<byte[]> r = post(path, forward, signature);
      answer(ex, r == null ? 502 : r.statusCode(), r == null ? new byte[0] : r.body());
    }
  }

  /** The same on_discover with a catalog that offers nothing. */
  private byte[] emptyCatalog(byte[] onDiscover) throws IOException {
    try {
      var context = Envelopes.parse(onDiscover).getContext();
      return Envelopes.write(
          new Envelope<>(
              context,
              new Wave1Codec()
                  .catalogMessage(
                      new CatalogHeader("empty", "Nothing on offer", id(), url()), List.of())));
    } catch (MessageParseException e) {
      throw new IOException(e);
    }
  }

  private HttpResponse<byte[]> post(String path, byte[] body, String auth) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(kitUrl + path))
              .header("Content-Type", "application/json")
              .header(SignatureHeaders.AUTHORIZATION, auth)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void answer(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    later.shutdownNow();
    relay.stop(0);
    listener.close();
    seller.close();
  }
}
