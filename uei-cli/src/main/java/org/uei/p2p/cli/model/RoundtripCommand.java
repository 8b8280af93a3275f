package org.uei.p2p.cli.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.JsonDiff;
import org.uei.p2p.model.wire.WireGeneration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uei roundtrip}: proves the library reads and writes a message without losing anything. */
@Command(
    name = "roundtrip",
    mixinStandardHelpOptions = true,
    description = {
      "Check that each message file survives parse and serialize unchanged.",
      "The wire generation is detected per file (--wire forces one). Parses into the typed model",
      "of that generation, serializes again and compares the two as JSON (member order ignored,",
      "numbers by value; wave 2 and UEI v1 also keep member order and number text).",
      "Prints 'ok FILE (wave1|wave2|uei-v1)' or 'DIFF FILE (...) at <json path>: <expected> vs <actual>'.",
      "Exit status: 0 all equal, 1 a file differs, 2 a file is unreadable or not JSON."
    })
public final class RoundtripCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--wire",
      paramLabel = "wave1|wave2|uei-v1",
      converter = Wire.Converter.class,
      description = "Read every file as this generation instead of detecting it.")
  WireGeneration wire;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Message files (JSON).")
  List<String> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
      String as = name + " (" + chosen.generation().shortName() + ")";
      JsonNode again;
      try {
        byte[] written = Wire.rewritten(f, chosen.generation());
        again = BecknJson.readTree(written);
      } catch (MessageParseException e) {
        out.println(
            "DIFF "
                + as
                + " at "
                + (e.error().getPaths().isEmpty() ? "$" : e.error().getPaths())
                + ": the model cannot read it: "
                + e.error().getMessage());
        exit = Math.max(exit, 1);
        continue;
      } catch (IOException e) {
        throw new IllegalStateException(
            "the model wrote JSON it cannot read back: " + e.getMessage(), e);
      }
      Optional<JsonDiff.Difference> d = JsonDiff.firstDifference(f.tree(), again);
      if (d.isPresent()) {
        out.println("DIFF " + as + " at " + d.get());
        exit = Math.max(exit, 1);
      } else {
        out.println("ok " + as);
      }
    }
    out.flush();
    return exit;
  }
}
