package org.uei.p2p.cli.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.uei.p2p.model.json.BecknJson;

/**
 * A message file read for {@code uei validate} and {@code uei roundtrip}: its bytes and JSON tree,
 * or the one-line reason it could not be read (exit code 2).
 */
record MessageFile(String name, byte[] bytes, JsonNode tree) {

  /** Exit code for a file that cannot be read or is not JSON. */
  static final int UNREADABLE = 2;

  /**
   * Reads {@code name}; on failure prints {@code uei: NAME: reason} to {@code err} and returns
   * null.
   */
  static MessageFile read(String name, PrintWriter err) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(name));
    } catch (NoSuchFileException e) {
      err.println("uei: " + name + ": no such file");
      return null;
    } catch (IOException | RuntimeException e) {
      err.println("uei: " + name + ": cannot read: " + e.getMessage());
      return null;
    }
    try {
      JsonNode tree = BecknJson.readTree(bytes);
      if (tree == null || tree.isMissingNode()) {
        err.println("uei: " + name + ": empty file, not JSON");
        return null;
      }
      return new MessageFile(name, bytes, tree);
    } catch (IOException e) {
      String why =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
              ? j.getOriginalMessage()
              : e.getMessage();
      String where =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  && j.getLocation() != null
              ? " (line "
                  + j.getLocation().getLineNr()
                  + ", column "
                  + j.getLocation().getColumnNr()
                  + ")"
              : "";
      err.println(
          "uei: " + name + ": not valid JSON: " + why.lines().findFirst().orElse(why) + where);
      return null;
    }
  }
}
