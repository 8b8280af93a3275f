package org.uei.p2p.examples.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The class archive each node's build trains serves the documented start command from any working
 * directory: with {@code -Xshare:on} a JVM that cannot use the archive stops before the node's code
 * runs, so reaching the node's own configuration check proves the archive was mapped, and the
 * class-loading log shows how many classes came from it.
 */
class PackagedClassArchiveIT {

  @ParameterizedTest
  @ValueSource(strings = {"bpp-node", "bap-node"})
  void theStartCommandMapsThePackagedArchive(String node, @TempDir Path dir) throws Exception {
    Path app =
        Path.of(System.getProperty("uei.home", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve(node + "/target/quarkus-app");
    List<String> option = NodeProcess.classArchiveOption(app.resolve("quarkus-run.jar"));
    assertFalse(option.isEmpty(), "no app-cds.jsa packaged in " + app);
    Path classes = dir.resolve("classes.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:on");
    // The documented start command's options: the archive with the JIT setting it starts under.
    cmd.addAll(NodeProcess.startOptions(app.resolve("quarkus-run.jar")));
    cmd.add("-Xlog:class+load=info:file=" + classes);
    cmd.add("-jar");
    cmd.add(app.resolve("quarkus-run.jar").toString());
    Path out = dir.resolve("node.log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    // No identity: the node stops at its configuration check, after Quarkus has started.
    pb.environment().keySet().removeIf(k -> k.startsWith("UEI_") || k.startsWith("QUARKUS_"));
    Process p = pb.start();
    try {
      assertTrue(p.waitFor(2, TimeUnit.MINUTES), node + " did not stop; see " + out);
    } finally {
      p.destroyForcibly().waitFor();
    }
    String log = Files.readString(out);
    assertTrue(log.contains("uei: missing configuration"), log);
    long shared;
    try (Stream<String> lines = Files.lines(classes)) {
      shared = lines.filter(l -> l.contains("source: shared objects file (top)")).count();
    }
    // A start that reaches the configuration check loads about 8,800 classes from the archive.
    assertTrue(shared > 5_000, shared + " classes from the packaged archive");
  }
}
