package org.uei.p2p.model.ueiv1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The UEI v1 P2P trading examples, read (never copied) from the reference directory next to the
 * checkout when it is there. Tests assert on the project's own fixtures first and on these in
 * addition, so a checkout without them still runs every test.
 */
final class SharedUeiV1Examples {

  private static final String DIR = "shared/spec/uei/examples/uei-v1-p2p-trading";

  private SharedUeiV1Examples() {}

  /** Every JSON file of the examples, names like {@code search-1.json}; empty when absent. */
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
