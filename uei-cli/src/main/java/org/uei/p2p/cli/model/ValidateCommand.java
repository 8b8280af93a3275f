package org.uei.p2p.cli.model;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.validation.Wave1Validator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uei validate}: checks wave-1 message files the way a node checks what it receives. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
        "Validate DEG wave-1 (Beckn 2.0-rc) message files as a node checks what it receives.",
        "Checks required members per action, schema enums, RFC 3339 times, ISO-8601",
        "durations, quantities (> 0, at most 2 decimals, kWh) and INR amounts.",
        "Prints one line per problem: FILE: path: message (code).",
        "Exit status: 0 all valid, 1 problems found, 2 a file is unreadable or not JSON."},
    footer = {"", "Examples:", "  uei validate select.json", "  uei validate --strict --action on_status status-1.json status-2.json",
        "  uei validate --print select.json"})
public final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--strict", description = "Also apply the context rules: UUID message_id and transaction_id, "
      + "version 2.0.0, context.action equal to --action.")
  boolean strict;

  @Option(names = "--action", paramLabel = "ACTION", converter = ActionConverter.class,
      description = "Validate as a message received on this endpoint (e.g. select, on_status). "
          + "Default: the file's context.action.")
  Action action;

  @Option(names = "--print", description = "Do not validate; print each message as the library serializes it after parsing.")
  boolean print;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Message files (JSON).")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Wave1Validator validator = strict ? Wave1Validator.strict() : Wave1Validator.lenient();
    int exit = 0;
    for (String name : files) {
      MessageFile f = MessageFile.read(name, err);
      if (f == null) {
        exit = Math.max(exit, MessageFile.UNREADABLE);
        continue;
      }
      Envelope<?> env;
      try {
        env = Envelopes.fromTree(f.tree(), action != null ? action : Envelopes.actionOf(f.tree()));
      } catch (MessageParseException e) {
        out.println(name + ": " + e.error());
        exit = Math.max(exit, 1);
        continue;
      }
      if (print) {
        out.println(BecknJson.writePretty(env));
        continue;
      }
      List<BecknError> problems = validator.validate(env, action).errors();
      for (BecknError p : problems) {
        out.println(name + ": " + p);
      }
      if (problems.isEmpty()) {
        out.println(name + ": valid");
      } else {
        exit = Math.max(exit, 1);
      }
    }
    out.flush();
    return exit;
  }

  /** Reads an action by its wire name, listing the valid names when it is unknown. */
  static final class ActionConverter implements CommandLine.ITypeConverter<Action> {
    @Override
    public Action convert(String value) {
      return Action.fromWireName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
          "unknown action '" + value + "'; one of " + java.util.Arrays.toString(Action.values())));
    }
  }
}
