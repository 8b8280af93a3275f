package org.uei.p2p.examples.network;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.uei.p2p.examples.embedding.MessageWire;
import org.uei.p2p.examples.embedding.SignedSender;
import org.uei.p2p.examples.embedding.VerifyingHandler;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.validation.UeiV1Validator;
import org.uei.p2p.registry.BecknRegistry;
import org.uei.p2p.registry.RegistryKeyResolver;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * A buyer app that speaks UEI v1 with the libraries alone, no bap-node: it writes its own Beckn
 * 1.1.0 requests, signs and sends them ({@link SignedSender}) and takes its callbacks in the JDK's
 * HTTP server, each checked against the seller platform's registry key ({@link VerifyingHandler}).
 * The demo uses it to show what the seller platform makes of a request it did not build.
 */
final class UeiV1BuyerApp implements AutoCloseable {

  private final HttpServer server;
  private final SignedSender sender;
  private final List<UeiV1Envelope> callbacks = new CopyOnWriteArrayList<>();

  private UeiV1BuyerApp(HttpServer server, SignedSender sender) {
    this.server = server;
    this.sender = sender;
  }

  /** Listens for callbacks on loopback {@code port}; signs as {@code id} with {@code key}. */
  static UeiV1BuyerApp start(String id, Ed25519KeyPair key, int port, String registryUrl)
      throws IOException {
    BecknRegistry registry = BecknRegistry.of(registryUrl);
    BecknVerifier verifier = BecknVerifier.of(RegistryKeyResolver.of(registry));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    UeiV1BuyerApp app =
        new UeiV1BuyerApp(
            server, new SignedSender(BecknSigner.of(id, "k1", key), registry, Clock.systemUTC()));
    server.createContext(
        "/",
        new VerifyingHandler<>(
            id,
            verifier,
            MessageWire.ueiV1Callbacks(UeiV1Validator.lenient()),
            a -> app.callbacks.add(a.envelope())));
    server.start();
    return app;
  }

  /** Signs {@code body} and POSTs it to {@code {receiver's registered URL}/{action}}. */
  SignedSender.Reply send(String receiverId, String action, byte[] body) throws Exception {
    return sender.send(receiverId, action, body);
  }

  /**
   * The callback {@code action} of transaction {@code txn}, once it came; null after {@code wait}.
   */
  UeiV1Envelope awaitCallback(String txn, String action, Duration wait) throws Exception {
    return Await.until(
        () ->
            callbacks.stream()
                .filter(
                    c ->
                        txn.equals(c.context().transactionId())
                            && action.equals(c.context().action()))
                .findFirst()
                .orElse(null),
        wait);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
