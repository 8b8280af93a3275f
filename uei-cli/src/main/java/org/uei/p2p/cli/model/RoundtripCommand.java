package org.uei.p2p.cli.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.uei.p2p.model.envelope.Envelope;
import org.uei.p2p.model.envelope.Envelopes;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.model.json.JsonDiff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code uei roundtrip}: proves the library reads and writes a message without losing anything. */
@Command(name = "roundtrip", mixinStandardHelpOptions = true,
    description = {
        "Check that each wave-1 message file survives parse and serialize unchanged.",
        "Parses into the typed model, serializes again and compares the two as JSON",
        "(member order ignored, numbers by value).",
        "Prints 'ok FILE' or 'DIFF FILE at <json path>: <expected> vs <actual>'.",
        "Exit status: 0 all equal, 1 a file differs, 2 a file is unreadable or not JSON."})
public final class RoundtripCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

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
      JsonNode again;
      try {
        Envelope<?> env = Envelopes.parse(f.bytes());
        again = BecknJson.readTree(Envelopes.write(env));
      } catch (MessageParseException e) {
        out.println("DIFF " + name + " at " + (e.error().getPaths().isEmpty() ? "$" : e.error().getPaths())
            + ": the model cannot read it: " + e.error().getMessage());
        exit = Math.max(exit, 1);
        continue;
      } catch (java.io.IOException e) {
        throw new IllegalStateException("the model wrote JSON it cannot read back: " + e.getMessage(), e);
      }
      Optional<JsonDiff.Difference> d = JsonDiff.firstDifference(f.tree(), again);
      if (d.isPresent()) {
        out.println("DIFF " + name + " at " + d.get());
        exit = Math.max(exit, 1);
      } else {
        out.println("ok " + name);
      }
    }
    out.flush();
    return exit;
  }
}
