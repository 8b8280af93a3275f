package org.uei.p2p.cli.model;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.BecknError;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.ueiv1.UeiV1Action;
import org.uei.p2p.model.ueiv1.UeiV1Envelope;
import org.uei.p2p.model.validation.UeiV1Validator;
import org.uei.p2p.model.validation.Wave1Validator;
import org.uei.p2p.model.validation.Wave2Validator;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wire.WireGeneration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code uei validate}: checks message files of either wire generation the way a node checks what
 * it receives.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate message files as a node checks what it receives. The wire generation of each file",
      "is detected from its context (camelCase ids: IES wave 2, Beckn 2.0 LTS; snake_case ids:",
      "DEG wave 1, Beckn 2.0-rc; snake_case ids with version 1.x: UEI v1, Beckn 1.1.0); --wire",
      "forces one. Checks required members per action, enums,",
      "RFC 3339 times, ISO-8601 durations, quantities and INR amounts; for wave 2 also roles and",
      "parties, TimeSeries payloads against their descriptors, one-hour slots inside",
      "06:00-18:00 IST and revenue flows summing to zero.",
      "Prints one line per problem (FILE: path: message (code)), then FILE: valid as <generation>",
      "or FILE: N problem(s) as <generation>.",
      "Exit status: 0 all valid, 1 problems found, 2 a file is unreadable or not JSON."
    },
    footer = {
      "",
      "Examples:",
      "  uei validate select.json                  a wave-1 select (context.transaction_id ...)",
      "  uei validate init.json                    a wave-2 init (context.transactionId ...)",
      "  uei validate --wire uei-v1 --strict search.json   a UEI v1 search (version 1.1.0)",
      "  uei validate --wire wave2 --strict --action on_status status-1.json status-2.json",
      "  uei validate --print init.json            the message as the library read it"
    })
public final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--strict",
      description =
          "Also apply the context rules: UUID message and transaction ids, "
              + "the generation's exact version (2.0.0, 1.1.0), context.action equal to --action; "
              + "UEI v1 also wants a ttl and location.city.")
  boolean strict;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      description =
          "Validate as a message received on this endpoint (e.g. select, on_status, catalog/publish). "
              + "Default: the file's context.action.")
  String action;

  @Option(
      names = "--wire",
      paramLabel = "wave1|wave2|uei-v1",
      converter = Wire.Converter.class,
      description = "Read every file as this generation instead of detecting it.")
  WireGeneration wire;

  @Option(
      names = "--print",
      description =
          "Do not validate; print each message as the library serializes it after "
              + "parsing (the generation used goes to stderr).")
  boolean print;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Message files (JSON).")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (action != null
        && Action.fromWireName(action).isEmpty()
        && Wave2Action.fromWireName(action).isEmpty()
        && UeiV1Action.fromWireName(action).isEmpty()) {
      err.println("uei: unknown action '" + action + "'; one of " + Wire.actionNames());
      err.flush();
      return MessageFile.UNREADABLE;
    }
    int exit = 0;
    for (String name : files) {
      MessageFile f = MessageFile.read(name, err);
      if (f == null) {
        exit = Math.max(exit, MessageFile.UNREADABLE);
        continue;
      }
      Wire.Chosen chosen = Wire.choose(f, wire, out);
      if (chosen == null) {
        exit = Math.max(exit, 1);
        continue;
      }
      exit =
          Math.max(
              exit,
              switch (chosen.generation()) {
                case IES_WAVE2 -> wave2(f, chosen, out, err);
                case UEI_V1 -> ueiV1(f, chosen, out, err);
                case DEG_WAVE1 -> wave1(f, chosen, out, err);
              });
    }
    out.flush();
    err.flush();
    return exit;
  }

  private int wave1(MessageFile f, Wire.Chosen chosen, PrintWriter out, PrintWriter err) {
    Action endpoint = action == null ? null : Action.fromWireName(action).orElse(null);
    if (action != null && endpoint == null) {
      out.println(
          f.name() + ": '" + action + "' is not an action of " + chosen.generation().title());
      return 1;
    }
    Envelope<?> env;
    try {
      env = Wire.wave1(f, endpoint);
    } catch (MessageParseException e) {
      return report(f, chosen, List.of(e.error()), out);
    }
    if (print) {
      err.println("uei: " + f.name() + ": read as " + chosen.label());
      out.println(BecknJson.writePretty(env));
      return 0;
    }
    Wave1Validator v = strict ? Wave1Validator.strict() : Wave1Validator.lenient();
    return report(f, chosen, v.validate(env, endpoint).errors(), out);
  }

  private int wave2(MessageFile f, Wire.Chosen chosen, PrintWriter out, PrintWriter err) {
    Wave2Action endpoint = action == null ? null : Wave2Action.fromWireName(action).orElse(null);
    if (action != null && endpoint == null) {
      out.println(
          f.name() + ": '" + action + "' is not an action of " + chosen.generation().title());
      return 1;
    }
    Wave2Envelope env;
    try {
      env = Wire.wave2(f);
    } catch (MessageParseException e) {
      return report(f, chosen, List.of(e.error()), out);
    }
    if (print) {
      err.println("uei: " + f.name() + ": read as " + chosen.label());
      out.println(BecknJson.writePretty(env.toJson()));
      return 0;
    }
    Wave2Validator v = strict ? Wave2Validator.strict() : Wave2Validator.lenient();
    return report(f, chosen, v.validate(env, endpoint).errors(), out);
  }

  private int ueiV1(MessageFile f, Wire.Chosen chosen, PrintWriter out, PrintWriter err) {
    UeiV1Action endpoint = action == null ? null : UeiV1Action.fromWireName(action).orElse(null);
    if (action != null && endpoint == null) {
      out.println(
          f.name() + ": '" + action + "' is not an action of " + chosen.generation().title());
      return 1;
    }
    UeiV1Envelope env;
    try {
      env = Wire.ueiV1(f);
    } catch (MessageParseException e) {
      return report(f, chosen, List.of(e.error()), out);
    }
    if (print) {
      err.println("uei: " + f.name() + ": read as " + chosen.label());
      out.println(BecknJson.writePretty(env.toJson()));
      return 0;
    }
    UeiV1Validator v = strict ? UeiV1Validator.strict() : UeiV1Validator.lenient();
    return report(f, chosen, v.validate(env, endpoint).errors(), out);
  }

  private static int report(
      MessageFile f, Wire.Chosen chosen, List<BecknError> problems, PrintWriter out) {
    for (BecknError p : problems) {
      out.println(f.name() + ": " + p);
    }
    if (problems.isEmpty()) {
      out.println(f.name() + ": valid as " + chosen.label());
      return 0;
    }
    out.println(
        f.name()
            + ": "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " as "
            + chosen.label());
    return 1;
  }
}
