package org.uei.p2p.examples.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

  @Test
  void deletesATreeAndLeavesItsNeighbours(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("bpp-data");
    Files.createDirectories(data.resolve("mdms-drop"));
    Files.writeString(data.resolve("node.mv.db"), "pages");
    Files.writeString(data.resolve("mdms-drop").resolve("day.csv"), "rows");
    Path log = Files.writeString(dir.resolve("bpp-node.log"), "started");

    Directories.deleteTree(data);

    assertFalse(Files.exists(data));
    assertTrue(Files.exists(log), "the log next to it stays");
  }

  @Test
  void aMissingTreeIsNothingToDo(@TempDir Path dir) throws Exception {
    Directories.deleteTree(dir.resolve("never-made"));
    assertTrue(Files.isDirectory(dir));
  }
}
