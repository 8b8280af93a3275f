package org.uei.p2p.network;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.uei.p2p.cli.UeiCli;
import picocli.CommandLine;

/** A {@code uei} command run in this JVM against the node processes, with what it printed. */
public record Cli(int exit, String out, String err) {

  /** Runs {@code uei args...} and captures its exit code, stdout and stderr. */
  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }
}
