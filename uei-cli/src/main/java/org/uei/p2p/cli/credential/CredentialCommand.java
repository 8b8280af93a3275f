package org.uei.p2p.cli.credential;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code uei credential}: groups issue, verify and revoke. */
@Command(
    name = "credential",
    mixinStandardHelpOptions = true,
    description =
        "Issue, verify and revoke verifiable credentials (ElectricityCredential v1.2, DEG energy credentials).",
    subcommands = {
      CredentialIssueCommand.class,
      CredentialVerifyCommand.class,
      CredentialRevokeCommand.class
    })
public final class CredentialCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
