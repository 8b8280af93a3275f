package org.uei.p2p.registry.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.uei.p2p.registry.DediRegistry;
import org.uei.p2p.registry.StaticRegistry;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.signing.BecknSigner;

/**
 * A small registry server for development networks, examples and conformance runs.
 *
 * <p>Serves Beckn 1.x {@code POST /lookup}, DeDi {@code GET
 * /lookup/{id}/subscribers.beckn.one/{key}}, {@code POST /subscribe} with the {@code on_subscribe}
 * challenge, loopback-only {@code /admin} routes, and {@code GET /info} with the registry's public
 * keys: subscribers need the encryption key to answer challenges and the signing key to check that
 * a challenge comes from this registry (it signs {@code on_subscribe} as {@code {registry
 * id}|{@value #SIGNING_KEY_ID}|ed25519}). Records and keys persist in the data directory when one
 * is given.
 */
public final class LocalRegistry implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final SubscriberStore store;

  static {
    // Without TCP_NODELAY the JDK server's split header/body writes meet the client's delayed ACK
    // and every lookup takes ~40 ms on loopback instead of well under 1 ms. The property is read
    // once, when the JDK server classes load, so it is set before the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** The key id under which the registry signs the requests it sends. */
  public static final String SIGNING_KEY_ID = "registry-signing-key";

  private final RegistryKeys keys;
  private final String registryId;

  private LocalRegistry(Builder b) throws IOException {
    this.store = new SubscriberStore(b.dataDir);
    if (b.seedFile != null) {
      store.putAll(StaticRegistry.readFile(b.seedFile));
    }
    this.keys = RegistryKeys.loadOrCreate(b.dataDir);
    this.registryId = b.registryId;
    BecknSigner signer =
        BecknSigner.builder(registryId, SIGNING_KEY_ID, keys.signing()).clock(b.clock).build();
    CredentialRevocations revocations = new CredentialRevocations(b.dataDir, b.clock);
    LookupHandler lookup = new LookupHandler(store, b.dediRegistryName, revocations);
    AdminHandler admin = new AdminHandler(store, revocations);
    SubscribeHandler subscribe =
        new SubscribeHandler(store, keys.encryption(), signer, b.challengeTimeout, b.clock);
    this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 64);
    this.executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "local-registry");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/lookup", ex -> guarded(ex, lookup::handle));
    server.createContext("/subscribe", ex -> guarded(ex, subscribe::handle));
    server.createContext("/admin/", ex -> guarded(ex, admin::handle));
    server.createContext("/info", ex -> guarded(ex, this::info));
    server.start();
  }

  /** A builder; by default port 0 (any free port) on 127.0.0.1, in memory. */
  public static Builder builder() {
    return new Builder();
  }

  /** The port actually bound, useful with port 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:43121}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  /** Base64 of the raw X25519 public key that encrypts {@code on_subscribe} challenges. */
  public String encryptionPublicKey() {
    return keys.encryption().publicKeyBase64();
  }

  /**
   * Base64 of the raw Ed25519 public key that signs the registry's {@code on_subscribe} requests.
   */
  public String signingPublicKey() {
    return keys.signing().publicKeyBase64();
  }

  /** The subscriber id the registry signs as. */
  public String registryId() {
    return registryId;
  }

  /** How many records the registry holds. */
  public int size() {
    return store.size();
  }

  /** Stops serving; records are already on disk. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void info(HttpExchange ex) throws IOException {
    Exchanges.send(
        ex,
        200,
        SubscriberJson.MAPPER
            .createObjectNode()
            .put("subscriber_id", registryId)
            .put("unique_key_id", SIGNING_KEY_ID)
            .put("signing_public_key", signingPublicKey())
            .put("encr_public_key", encryptionPublicKey())
            .put("subscribers", store.size()));
  }

  /** Turns refusals into error replies so that no handler leaves a connection without an answer. */
  private static void guarded(HttpExchange ex, Handler h) {
    try (ex) {
      try {
        h.handle(ex);
      } catch (Exchanges.BadRequest e) {
        Exchanges.error(ex, e.status, e.getMessage());
      } catch (RuntimeException e) {
        Exchanges.error(ex, 500, "registry failure: " + e.getMessage());
      }
    } catch (IOException e) {
      // The client went away; nothing left to answer.
    }
  }

  private interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  /** Configures and starts a {@link LocalRegistry}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Path dataDir;
    private Path seedFile;
    private String dediRegistryName = DediRegistry.DEFAULT_REGISTRY_NAME;
    private Duration challengeTimeout = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();
    private String registryId = "local-registry";

    private Builder() {}

    /** The subscriber id the registry signs its requests as; default {@code local-registry}. */
    public Builder registryId(String id) {
      this.registryId = id;
      return this;
    }

    /**
     * The interface to bind; default 127.0.0.1. Admin routes answer loopback callers only either
     * way.
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port; 0 (the default) picks a free one, see {@link #port()}. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Where records and the registry key persist; {@code null} (the default) keeps them in memory.
     */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** A subscribers JSON file loaded (and merged into the data directory) at start. */
    public Builder seedFile(Path file) {
      this.seedFile = file;
      return this;
    }

    /** The DeDi registry name served; default {@value DediRegistry#DEFAULT_REGISTRY_NAME}. */
    public Builder dediRegistryName(String name) {
      this.dediRegistryName = name;
      return this;
    }

    /** How long a subscriber may take to answer the challenge; default 5 s. */
    public Builder challengeTimeout(Duration timeout) {
      this.challengeTimeout = timeout;
      return this;
    }

    /** The clock stamping {@code valid_from} of new subscriptions. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalArgumentException when the data directory or seed file is unreadable
     */
    public LocalRegistry start() {
      try {
        return new LocalRegistry(this);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
      }
    }
  }
}
