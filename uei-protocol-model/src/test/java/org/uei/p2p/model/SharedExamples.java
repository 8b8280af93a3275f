package org.uei.p2p.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of the reference examples, read (never copied) from next to the checkout when it is
 * there. Tests assert on the project's own fixtures first and on these in addition, so a checkout
 * without them still runs every test.
 */
public final class SharedExamples {

  /** The devkit's IES wave-2 examples and canned responses. */
  public static final SharedExamples WAVE2 =
      new SharedExamples("shared/spec/uei/examples/deg-p2p-trading-ies-wave2");

  /** The UEI v1 (Beckn 1.1.0) P2P trading examples. */
  public static final SharedExamples UEI_V1 =
      new SharedExamples("shared/spec/uei/examples/uei-v1-p2p-trading");

  private final String dir;

  private SharedExamples(String dir) {
    this.dir = dir;
  }

  /** Every JSON file of the examples, sorted; empty when the directory is absent. */
  public List<Path> all() {
    Path root = root();
    if (root == null) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name of {@code file} relative to the examples directory, e.g. {@code uc1/x.json}. */
  public String name(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }

  /** The bytes of {@code file}. */
  public static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve(dir);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
