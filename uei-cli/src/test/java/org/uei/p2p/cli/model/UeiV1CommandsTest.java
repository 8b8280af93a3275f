package org.uei.p2p.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code uei validate} and {@code uei roundtrip} on UEI v1 (Beckn 1.1.0) files. */
class UeiV1CommandsTest extends CommandTest {

  /** A UEI v1 status request of the UP pilot (Lucknow). */
  static final String STATUS =
      """
      {"context":{"domain":"uei:p2p-trading","location":{"country":{"code":"IND"},"city":{"code":"std:0522"}},
        "action":"status","version":"1.1.0",
        "bap_id":"bap.up-pilot.example","bap_uri":"https://bap.up-pilot.example/beckn",
        "bpp_id":"bpp.up-pilot.example","bpp_uri":"https://bpp.up-pilot.example/beckn",
        "transaction_id":"3f6c2a8e-1b7d-4c52-9e0a-7d4b6f1c2e90","message_id":"8fa04b5c-6d7e-4f90-b1c2-3d4e5f6a7b05",
        "timestamp":"2026-03-11T04:00:00Z","ttl":"PT30S"},
       "message":{"order_id":"up-order-000417","x-note":1.50}}
      """;

  private static final String V1 = " as UEI v1 (Beckn 1.1.0), detected";

  @Test
  void aUeiV1StatusIsDetectedAndValid() throws IOException {
    String f = file("status.json", STATUS);
    assertEquals(0, run("validate", "--strict", "--action", "status", f), out.toString() + err);
    assertEquals(f + ": valid" + V1 + System.lineSeparator(), out.toString());
  }

  @Test
  void aUeiV1ProblemHasItsPathAndCode() throws IOException {
    String f =
        file(
            "status.json",
            STATUS
                .replace("\"order_id\":\"up-order-000417\",", "")
                .replace("\"ttl\":\"PT30S\"", "\"ttl\":\"30 seconds\""));
    assertEquals(1, run("validate", f));
    String[] lines = out.toString().split(System.lineSeparator());
    assertEquals(f + ": context.ttl: '30 seconds' is not an ISO-8601 duration (30000)", lines[0]);
    assertEquals(f + ": message.order_id: is required (30000)", lines[1]);
    assertEquals(f + ": 2 problems" + V1, lines[2]);
  }

  @Test
  void wireUeiV1IsAcceptedAndAnActionOfAnotherWireIsNamed() throws IOException {
    String f = file("status.json", STATUS);
    assertEquals(0, run("validate", "--wire", "uei-v1", f), out.toString());
    assertTrue(out.toString().endsWith("UEI v1 (Beckn 1.1.0), --wire" + System.lineSeparator()));
    resetStreams();
    assertEquals(1, run("validate", "--action", "discover", f));
    assertEquals(
        f + ": 'discover' is not an action of UEI v1 (Beckn 1.1.0)" + System.lineSeparator(),
        out.toString());
    resetStreams();
    assertEquals(2, run("validate", "--wire", "wave3", f));
    assertTrue(err.toString().contains("one of wave1, wave2, uei-v1"), err.toString());
  }

  @Test
  void roundtripAndPrintNameTheGeneration() throws IOException {
    String f = file("status.json", STATUS);
    assertEquals(0, run("roundtrip", f));
    assertEquals("ok " + f + " (uei-v1)" + System.lineSeparator(), out.toString());
    resetStreams();
    assertEquals(0, run("validate", "--print", f));
    assertTrue(out.toString().contains("\"x-note\" : 1.50"), out.toString());
    assertEquals(
        "uei: " + f + ": read as UEI v1 (Beckn 1.1.0), detected" + System.lineSeparator(),
        err.toString());
  }

  /** What {@code .ci/run} does with the published examples: each comes back unchanged. */
  @Test
  void theSharedExamplesRoundTrip() throws IOException {
    Path dir = sharedExamples();
    if (dir == null) {
      return;
    }
    List<String> args = new ArrayList<>(List.of("roundtrip"));
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .forEach(p -> args.add(p.toString()));
    }
    assertEquals(0, run(args.toArray(String[]::new)), out.toString());
    assertEquals(
        args.size() - 1, out.toString().lines().filter(l -> l.endsWith("(uei-v1)")).count());
  }

  private static Path sharedExamples() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/spec/uei/examples/uei-v1-p2p-trading");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
