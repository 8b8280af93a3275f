package org.uei.p2p.examples.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A node running as its own JVM from its packaged {@code quarkus-run.jar}, configured by
 * environment variables, with its output in a log file. Start waits until {@code /q/health/ready}
 * answers UP with the started JVM's pid (the nodes report it in their {@code instance} check): the
 * port is chosen free before the node binds it, and another process may take it in between. A
 * stopped or killed node can be started again with the same settings.
 */
public final class NodeProcess implements AutoCloseable {

  /**
   * The documented start command's JIT setting on JDK 17: C1 alone. On two cores the JVM's default
   * (C1, then C2 for hot code) spends half a start's CPU and the first few hundred trades compiling
   * with C2; C1 alone starts on 40–48 % less CPU and trades about 40 % faster in the first minutes,
   * for code up to a quarter slower once warm (figures in BENCHMARKS.md).
   */
  public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /** The AOT cache's file name, next to {@code quarkus-run.jar}. */
  public static final String AOT_CACHE = "app.aot";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final Map<String, String> env;
  private final int port;
  private final Path log;
  private final String maxHeap;
  // Written by start, read by kill and stop, which a test may call from another thread.
  private volatile Process process;

  public NodeProcess(String name, Path jar, Map<String, String> env, int port, Path log) {
    this(name, jar, env, port, log, "256m");
  }

  /**
   * A node whose JVM gets {@code maxHeap} ({@code -Xmx}) instead of 256 MB: a node that keeps its
   * stores in memory ({@code uei.store=memory}) holds every message it takes in its heap.
   */
  public NodeProcess(
      String name, Path jar, Map<String, String> env, int port, Path log, String maxHeap) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name + ": " + jar + " does not exist; package the node first (mvn package)");
    }
    this.name = name;
    // An AOT cache records the class path as given on the command line: an absolute one serves a
    // node started from any working directory.
    this.jar = jar.toAbsolutePath().normalize();
    this.env = Map.copyOf(env);
    this.port = port;
    this.log = log;
    this.maxHeap = maxHeap;
  }

  /**
   * The option of the nodes' documented start command that maps the class archive their build
   * trained next to {@code jar} ({@code app-cds.jsa}): none when there is no archive (a {@code
   * -Ppostgres} build has none).
   */
  public static List<String> classArchiveOption(Path jar) {
    Path archive = jar.resolveSibling("app-cds.jsa");
    return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
  }

  /**
   * The options of the nodes' documented start command for the JVM this runs on, which also starts
   * the nodes: on JDK 25 or later the AOT cache trained next to {@code jar} ({@code app.aot},
   * written by {@code network-tests/train-aot-cache}), or none before it is trained (the build's
   * class archive serves only the build's JDK 17, and a JVM told to write a cache must map none);
   * on older JDKs C1 alone ({@link #C1_ONLY}) and the build's class archive ({@link
   * #classArchiveOption}).
   */
  public static List<String> startOptions(Path jar) {
    if (Runtime.version().feature() < 25) {
      List<String> options = new ArrayList<>(jitOption(System.getenv("UEI_NODE_JIT")));
      options.addAll(classArchiveOption(jar.toAbsolutePath()));
      return options;
    }
    Path cache = jar.toAbsolutePath().resolveSibling(AOT_CACHE);
    return Files.isRegularFile(cache) ? List.of("-XX:AOTCache=" + cache) : List.of();
  }

  /**
   * The JIT option of the documented start command on JDK 17 for the environment variable {@code
   * UEI_NODE_JIT}: {@link #C1_ONLY} when it is {@code c1} or unset, none when it is {@code tiered}
   * (the JVM's own default, C1 then C2), so that the benchmarks can measure both.
   */
  static List<String> jitOption(String setting) {
    String jit = setting == null ? "c1" : setting;
    return switch (jit) {
      case "c1" -> List.of(C1_ONLY);
      case "tiered" -> List.of();
      default ->
          throw new IllegalArgumentException(
              "UEI_NODE_JIT must be c1 or tiered, not '" + jit + "'");
    };
  }

  /** The node's base URL on loopback. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the JVM and waits until the node is ready. */
  public NodeProcess start(Duration timeout) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + maxHeap);
    cmd.addAll(startOptions(jar));
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    Process p = pb.start();
    process = p;
    Instant deadline = Instant.now().plus(timeout);
    while (!ready(p)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + p.exitValue() + " during start; see " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
      }
      Thread.sleep(100);
    }
    return this;
  }

  /**
   * True once {@code p} answers UP; fails when an UP answer comes from another process, as it does
   * when something else listens on the port (the node then cannot bind it and exits).
   */
  private boolean ready(Process p) {
    HttpResponse<String> r;
    try {
      r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (r.statusCode() != 200 || !r.body().contains("UP")) {
      return false;
    }
    long answered = pidIn(r.body());
    if (answered != p.pid()) {
      p.destroyForcibly();
      throw new IllegalStateException(
          name
              + ": port "
              + port
              + " is answered by "
              + (answered < 0 ? "a process that does not report its pid" : "pid " + answered)
              + ", not by the node started as pid "
              + p.pid()
              + ": another process holds the port; see "
              + log);
    }
    return true;
  }

  /** The pid a readiness answer reports in any check's data, or -1. */
  private static long pidIn(String body) {
    try {
      for (JsonNode check : Json.MAPPER.readTree(body).path("checks")) {
        JsonNode pid = check.path("data").path("pid");
        if (pid.canConvertToLong()) {
          return pid.asLong();
        }
      }
    } catch (IOException e) {
      // not a health answer: reported as no pid
    }
    return -1;
  }

  /** Stops the node gracefully (SIGTERM) and waits for the JVM to exit. */
  public void stop() throws InterruptedException {
    stop(Duration.ofSeconds(20));
  }

  /**
   * Stops the node gracefully (SIGTERM) and waits up to {@code grace} for the JVM to exit before
   * killing it: a JVM that writes an AOT cache as it exits needs longer than the default.
   */
  public void stop(Duration grace) throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Kills the JVM with SIGKILL ({@link Process#destroyForcibly()} on Linux), as a crash or the
   * kernel's OOM killer would: no shutdown hooks run and nothing the JVM still holds in memory
   * reaches the disk. {@link #start} brings the node back on the same port and data directory.
   */
  public void kill() throws InterruptedException {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly().waitFor();
    }
  }

  /** True while the node's JVM runs. */
  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The running JVM, to read its CPU time; empty before start and after it ends. */
  public Optional<ProcessHandle> handle() {
    Process p = process;
    return p != null && p.isAlive() ? Optional.of(p.toHandle()) : Optional.empty();
  }

  /** The log file of this node. */
  public Path log() {
    return log;
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
