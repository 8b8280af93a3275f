package org.uei.p2p.cli.model;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.cli.UeiCli;
import picocli.CommandLine;

/**
 * Runs {@code uei} in this JVM with what it prints captured, on files written to a temporary
 * folder.
 */
abstract class CommandTest {

  @TempDir Path dir;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void resetStreams() {
    out = new StringWriter();
    err = new StringWriter();
  }

  int run(String... args) {
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  String file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }
}
