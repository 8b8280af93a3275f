package org.uei.p2p.node.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a node operator configures, as {@code uei.*} properties or {@code UEI_*} environment
 * variables. Identity values are optional here so that {@link StartupCheck} can report all missing
 * ones in one line instead of the framework's per-property failure.
 */
@ConfigMapping(prefix = "uei")
public interface NodeConfig {

  /** This node's subscriber id in the registry ({@code bap_id} or {@code bpp_id}). */
  @WithName("subscriber-id")
  Optional<String> subscriberId();

  /** The unique key id registered with the signing key. */
  @WithName("key-id")
  Optional<String> keyId();

  /** Base64 Ed25519 private key: 32-byte seed or 64-byte seed and public key. */
  @WithName("private-key")
  Optional<String> privateKey();

  /**
   * A file holding the base64 private key, or the JSON {@code uei keygen --out} writes; used when
   * {@code uei.private-key} is not set.
   */
  @WithName("private-key-file")
  Optional<String> privateKeyFile();

  /**
   * The network domain this node trades in, e.g. {@code
   * beckn.one:deg:p2p-trading-interdiscom:2.0.0}.
   */
  Optional<String> domain();

  /**
   * The wires this node speaks, comma-separated: {@code wave1} (DEG wave 1, Beckn 2.0-rc), {@code
   * wave2} (IES wave 2, Beckn 2.0 LTS) or both. Inbound messages are routed by the wire their
   * context shows; a body of a wire not listed is refused.
   */
  @WithDefault("wave1")
  java.util.List<String> wire();

  /**
   * The wave-2 network this node trades in ({@code context.networkId}), e.g. {@code
   * indiaenergystack.in/ies-p2p-trading-network}; wave-2 messages of another network are refused.
   * Absent: every network is accepted, as an absent {@code uei.domain} does on wave 1.
   */
  @WithName("network-id")
  Optional<String> networkId();

  /** The public base URL the counterparty calls back ({@code bap_uri} or {@code bpp_uri}). */
  @WithName("public-url")
  Optional<String> publicUrl();

  /**
   * This instance's name among the instances of the node that share one database, recorded with the
   * callbacks it claims and the jobs it runs; at most 64 characters. Absent: host name and process
   * id. Two running instances must not share one.
   */
  @WithName("instance-id")
  Optional<String> instanceId();

  /** Where the node keeps its H2 database and key files. */
  @WithName("data-dir")
  @WithDefault("./data/node")
  String dataDir();

  /**
   * Where the node keeps its state: {@code file} (the default: the H2 database in {@link
   * #dataDir()}, or the database {@code quarkus.datasource.jdbc.url} names) or {@code memory} (an
   * H2 database in the process's memory, gone when the process stops). {@code memory} is for
   * measuring what durability costs, never for production: a node that stops forgets every message,
   * order, callback and audit entry it had ACKed.
   */
  @WithDefault(MemoryStore.FILE)
  String store();

  /** The {@code ttl} put in new requests when the caller gives none. */
  @WithDefault("PT30S")
  Duration ttl();

  /** Largest request body accepted; larger ones get 413. */
  @WithName("max-body-bytes")
  @WithDefault("1048576")
  int maxBodyBytes();

  /** The registry that holds the counterparties' keys. */
  RegistryConfig registry();

  /** Outbound HTTP. */
  HttpConfig http();

  /** Callback outbox. */
  OutboxConfig outbox();

  /** Switches meant for test networks only. */
  TestingConfig testing();

  /** The election of the instance that runs the singleton jobs. */
  JobsConfig jobs();

  /** Inbound message validation. */
  ValidationConfig validation();

  /** How far the times of an inbound context may stray from this node's clock. */
  InboundConfig inbound();

  /** How much accepted but unfinished work the node takes before it makes senders wait. */
  BacklogConfig backlog();

  /**
   * Back-pressure. Work counts from the ACK of a request to the end of its handling and of the
   * first delivery attempt of each callback it queued; a callback waiting for a retry does not
   * count, so one receiver that is down does not hold up everyone else.
   */
  interface BacklogConfig {
    /** Above this much work in hand, a new request waits before it is checked and stored. */
    @WithDefault("256")
    int limit();

    /** How long a request waits for room before it is refused with 503 and {@code Retry-After}. */
    @WithName("max-wait")
    @WithDefault("PT5S")
    Duration maxWait();
  }

  /** How strictly inbound messages are checked. */
  interface ValidationConfig {
    /**
     * True: also the context rules (UUID ids, version 2.0.0, action matches the endpoint). False
     * accepts the habits of the published examples.
     */
    @WithDefault("true")
    boolean strict();
  }

  /**
   * Limits on an inbound context's {@code timestamp} and {@code ttl}, judged by the system clock
   * (never the market clock): a message outside them is refused with 400 at the field's path.
   */
  interface InboundConfig {
    /** How far a sender's clock may run ahead of or behind this node's. */
    @WithName("clock-skew")
    @WithDefault("PT5M")
    Duration clockSkew();

    /**
     * The longest {@code ttl} accepted. A day covers the project's own senders (PT30S by default,
     * the buyer API caps it at PT10M, the load harness sets one covering its run).
     */
    @WithName("max-ttl")
    @WithDefault("PT24H")
    Duration maxTtl();

    /**
     * How old a callback's {@code timestamp} may be (its ttl when longer), plus the skew: an outbox
     * resends a callback with its first timestamp. Absent: {@code uei.outbox.max-age}.
     */
    @WithName("max-callback-age")
    Optional<Duration> maxCallbackAge();

    /** Longest {@code bap_uri}/{@code bpp_uri} (and any URL this node sends to), in characters. */
    @WithName("max-url-length")
    @WithDefault("2048")
    int maxUrlLength();

    /**
     * Whether the sender's URL in the context must be the {@code subscriber_url} of its registry
     * record; answers go only there.
     */
    @WithName("require-registered-uri")
    @WithDefault("true")
    boolean requireRegisteredUri();

    /**
     * How long the instance that stored a received message has to hand it to its handler before
     * another instance (or this one after a restart) takes the message over; longer than any
     * handler takes.
     */
    @WithName("handling-lease")
    @WithDefault("PT30S")
    Duration handlingLease();

    /** Largest total size of a request's headers on the Beckn endpoints, in bytes. */
    @WithName("max-header-bytes")
    @WithDefault("16384")
    int maxHeaderBytes();
  }

  /** Registry location and caching. */
  interface RegistryConfig {
    /** Base URL (beckn, dedi) or file path (file). */
    Optional<String> url();

    /** {@code beckn}, {@code dedi} or {@code file}. */
    @WithDefault("beckn")
    String type();

    /** How long a looked-up key is trusted before asking again. */
    @WithName("cache-ttl")
    @WithDefault("PT5M")
    Duration cacheTtl();
  }

  /** Timeouts for messages this node sends. */
  interface HttpConfig {
    @WithName("connect-timeout")
    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithName("request-timeout")
    @WithDefault("PT10S")
    Duration requestTimeout();
  }

  /** Retry policy of the callback outbox. */
  interface OutboxConfig {
    /** First retry delay; doubles per attempt up to {@link #maxBackoff()}. */
    @WithName("initial-backoff")
    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithName("max-backoff")
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** A callback not delivered within this age is given up, unless its ttl ends later. */
    @WithName("max-age")
    @WithDefault("PT1H")
    Duration maxAge();

    /** How long one node instance holds a claimed row before another may take it. */
    @WithDefault("PT30S")
    Duration lease();

    /** Rows claimed per scheduler pass. */
    @WithName("batch-size")
    @WithDefault("20")
    int batchSize();
  }

  /**
   * Singleton jobs (MDMS drop polling, the nightly settlement, tree-head signing) run in one
   * instance of the node at a time, the holder of a lease in the database. The holder renews it
   * every {@code renew-every}; when it dies, another instance takes over within {@code lease} plus
   * {@code renew-every}.
   */
  interface JobsConfig {
    /** How long a holder keeps the jobs without renewing. */
    @WithDefault("PT30S")
    Duration lease();

    /**
     * How often each instance renews or bids for the lease (read by the scheduler as {@code
     * uei.jobs.renew-every}, e.g. {@code 10s}); well below {@link #lease()}.
     */
    @WithName("renew-every")
    @WithDefault("10s")
    String renewEvery();

    /**
     * How long a stopping node waits for its scheduled jobs' runs under way to finish before it
     * closes its database; no new run starts meanwhile.
     */
    @WithName("stop-wait")
    @WithDefault("PT10S")
    Duration stopWait();
  }

  /** Switches for test and demo networks only: they weaken security or move time. */
  interface TestingConfig {
    /** When true, inbound signatures are not checked. Never on a real network. */
    @WithName("insecure-skip-signature-verification")
    @WithDefault("false")
    boolean insecureSkipSignatureVerification();

    /**
     * When true, every callback leaves with a fresh {@code message_id} instead of the request's, so
     * that the conformance kit's echo cases can be seen to fail. Never on a real network.
     */
    @WithName("corrupt-callback-message-id")
    @WithDefault("false")
    boolean corruptCallbackMessageId();

    /**
     * When true, {@code PUT /testing/market-clock} moves the time market rules are judged by, so a
     * local network can play a trading day, gate closure and settlement in minutes. Never on a real
     * network.
     */
    @WithName("market-clock-control")
    @WithDefault("false")
    boolean marketClockControl();
  }
}
