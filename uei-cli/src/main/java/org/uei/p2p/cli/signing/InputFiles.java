package org.uei.p2p.cli.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;

/** Reads the body a signing command works on: the exact bytes of a file, or stdin for {@code -}. */
final class InputFiles {

  private InputFiles() {}

  static byte[] read(CommandLine cmd, String file) {
    try {
      if ("-".equals(file)) {
        return System.in.readAllBytes();
      }
      return Files.readAllBytes(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(cmd, "no such file: " + file);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cmd, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
