package org.uei.p2p.examples.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-tree chores of the harnesses that run nodes as processes. */
public final class Directories {

  private Directories() {}

  /**
   * Deletes {@code root} and everything under it; nothing if it does not exist. A stopped node's
   * data directory, say: an H2 file of a load run is gigabytes.
   */
  public static void deleteTree(Path root) throws IOException {
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
