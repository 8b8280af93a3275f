package org.uei.p2p.node.packaging;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Writes the class-data archive ({@code app-cds.jsa}) next to a packaged node's {@code
 * quarkus-run.jar}: a build step, run by the nodes' Maven builds right after packaging.
 *
 * <p>A node spends about a fifth of its start-up CPU loading, parsing and verifying some 15,000
 * classes. The JVM can instead map them from an archive of the classes a start loaded before. The
 * training starts the packaged node once with {@code -XX:ArchiveClassesAtExit}, on a throwaway
 * identity, data directory and port, waits until {@code /q/health/ready} answers UP and stops it
 * gracefully; the JVM writes the archive as it exits. Quarkus's own AppCDS step stops the
 * application before its runtime start (Hibernate, Flyway, the HTTP server), so it leaves those
 * classes out, and it names the jar relative to its directory, so the archive only serves a node
 * started from there; this training covers the whole start and names the jar by its absolute path,
 * so the archive serves a node started from any working directory:
 *
 * <pre>java -XX:SharedArchiveFile=.../quarkus-app/app-cds.jsa -jar .../quarkus-app/quarkus-run.jar
 * </pre>
 *
 * <p>The archive only fits the jars and the JDK build it was trained with; on any other the JVM
 * says so in one warning and starts without it. The training needs no registry: the node becomes
 * ready before it looks anyone up. A node built for H2 trains on a throwaway H2 file; one built for
 * PostgreSQL needs a server, given by {@code --jdbc-url=}, {@code --jdbc-user=} and {@code
 * --jdbc-password=}: it trains in a fresh schema of that database and drops the schema afterwards.
 *
 * <p>Arguments: {@code <quarkus-app directory> [--jdbc-url=URL --jdbc-user=U --jdbc-password=P]};
 * an empty {@code --jdbc-url=} is the same as none.
 */
public final class ClassArchiveTraining {

  /** The archive's file name, next to {@code quarkus-run.jar}. */
  public static final String ARCHIVE = "app-cds.jsa";

  private static final Duration READY_WITHIN = Duration.ofMinutes(5);
  // Writing the archive at exit takes seconds on a quiet machine, minutes on a loaded one.
  private static final Duration WRITTEN_WITHIN = Duration.ofMinutes(10);

  private final Path app;
  private final Map<String, String> options;

  private ClassArchiveTraining(Path app, Map<String, String> options) {
    this.app = app.toAbsolutePath().normalize();
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException(
          "usage: ClassArchiveTraining <quarkus-app directory> [--jdbc-url=URL --jdbc-user=U"
              + " --jdbc-password=P]");
    }
    Map<String, String> options = new HashMap<>();
    for (String a : List.of(args).subList(1, args.length)) {
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      if (eq < 0 || !List.of("--jdbc-url", "--jdbc-user", "--jdbc-password").contains(name)) {
        throw new IllegalArgumentException("unknown argument " + a);
      }
      options.put(name, a.substring(eq + 1));
    }
    new ClassArchiveTraining(Path.of(args[0]), options).train();
  }

  private void train() throws Exception {
    Path jar = app.resolve("quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no packaged node at " + jar);
    }
    Path archive = app.resolve(ARCHIVE);
    Files.deleteIfExists(archive);
    Path work = Files.createTempDirectory(app.getParent(), "class-archive-training");
    Path log = app.getParent().resolve("class-archive-training.log");
    int port = freePort();
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:ArchiveClassesAtExit=" + archive,
                    "-jar",
                    jar.toString()))
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    // The build's own environment must not reach the throwaway node (a UEI_ or QUARKUS_ setting
    // of the operator's could point it at real data).
    env.keySet().removeIf(k -> k.startsWith("UEI_") || k.startsWith("QUARKUS_"));
    env.put("UEI_SUBSCRIBER_ID", "class-archive-training.invalid");
    env.put("UEI_KEY_ID", "training");
    env.put("UEI_PRIVATE_KEY", Ed25519KeyPair.generate().seedBase64());
    env.put("UEI_DOMAIN", "training");
    env.put("UEI_PUBLIC_URL", "http://127.0.0.1:" + port);
    // Nothing listens on port 9 (discard) on loopback: the node never needs the registry to start.
    env.put("UEI_REGISTRY_URL", "http://127.0.0.1:9");
    env.put("UEI_DATA_DIR", work.resolve("data").toString());
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    TrainingSchema schema = TrainingSchema.of(options);
    if (schema != null) {
      env.putAll(schema.nodeEnv());
    }
    Process node = pb.start();
    try {
      awaitReady(node, URI.create("http://127.0.0.1:" + port + "/q/health/ready"), log);
      node.destroy();
      if (!node.waitFor(WRITTEN_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "the node did not stop and write its class archive in "
                + WRITTEN_WITHIN
                + "; see "
                + log);
      }
    } finally {
      node.destroyForcibly().waitFor();
      deleteTree(work);
      if (schema != null) {
        schema.drop();
      }
    }
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("the node wrote no class archive; see " + log);
    }
    System.out.printf("class archive %s: %d MB%n", archive, Files.size(archive) >> 20);
  }

  private static void awaitReady(Process node, URI ready, Path log) throws InterruptedException {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (!isUp(ready)) {
      if (!node.isAlive()) {
        throw new IllegalStateException("the node stopped during its training start; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the node was not ready in " + READY_WITHIN + " of training; see " + log);
      }
      Thread.sleep(100);
    }
  }

  private static boolean isUp(URI url) {
    try {
      HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
