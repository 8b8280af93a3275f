package org.uei.p2p.cli.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code uei audit ...}: checks of a node's tamper-evident audit log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Check a node's tamper-evident audit log (RFC 9162 Merkle tree, signed tree heads).",
    subcommands = {AuditVerifyCommand.class, CommandLine.HelpCommand.class})
public final class AuditCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
