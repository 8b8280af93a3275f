package org.uei.p2p.model.wave2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The devkit's wave-2 examples and canned responses, read (never copied) from the reference
 * directory next to the checkout when it is there. Tests assert on the project's own fixtures first
 * and on these in addition, so a checkout without them still runs every test.
 */
final class SharedWave2Examples {

  private static final String DIR = "shared/spec/uei/examples/deg-p2p-trading-ies-wave2";

  private SharedWave2Examples() {}

  /**
   * Every JSON file of the examples, relative names like {@code uc1/examples/init-request.json};
   * empty when absent.
   */
  static List<Path> all() {
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

  /** The name of {@code file} relative to the examples directory. */
  static String name(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve(DIR);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
