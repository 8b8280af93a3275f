package org.uei.p2p.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code uei} command: the one tool that network joiners and node operators use.
 *
 * <p>Every subcommand follows the same error contract: a problem with the user's input is reported
 * as one line on stderr and a non-zero exit code, never a stack trace.
 */
@Command(
    name = "uei",
    mixinStandardHelpOptions = true,
    versionProvider = UeiCli.Version.class,
    description = "Tools for the UEI/Beckn peer-to-peer energy trading network.",
    subcommands = {
      CommandLine.HelpCommand.class,
      org.uei.p2p.cli.model.ValidateCommand.class,
      org.uei.p2p.cli.model.RoundtripCommand.class,
      org.uei.p2p.cli.registry.LookupCommand.class,
      org.uei.p2p.cli.registry.RegistryCommand.class,
      org.uei.p2p.cli.signing.KeygenCommand.class,
      org.uei.p2p.cli.signing.SignCommand.class,
      org.uei.p2p.cli.signing.VerifyCommand.class,
      org.uei.p2p.cli.signing.DigestCommand.class,
      org.uei.p2p.cli.credential.CredentialCommand.class,
      org.uei.p2p.cli.audit.AuditCommand.class,
      org.uei.p2p.cli.conformance.ConformanceCommand.class,
      org.uei.p2p.cli.market.MeterCommand.class,
      org.uei.p2p.cli.market.SettlementCommand.class,
    })
public final class UeiCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Builds the configured command line; tests use it to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new UeiCli());
    cl.setParameterExceptionHandler(UeiCli::onBadArguments);
    cl.setExecutionExceptionHandler(UeiCli::onFailure);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr()
        .println(
            "uei: "
                + e.getMessage()
                + " (see '"
                + cmd.getCommandSpec().qualifiedName()
                + " --help')");
    return 2;
  }

  private static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    cmd.getErr().println("uei: " + message.lines().findFirst().orElse(message));
    return cmd.getExitCodeExceptionMapper() != null
        ? cmd.getExitCodeExceptionMapper().getExitCode(e)
        : 1;
  }

  /** Reads the version from the jar manifest so that it never disagrees with the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = UeiCli.class.getPackage().getImplementationVersion();
      return new String[] {"uei " + (v != null ? v : "development build")};
    }
  }
}
