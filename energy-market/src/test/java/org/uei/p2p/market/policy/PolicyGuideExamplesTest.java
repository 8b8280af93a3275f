package org.uei.p2p.market.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uei.p2p.model.wave2.Wave2Envelope;

/**
 * An extra check on the published DISCOM policy guide's example inputs, read in place from the
 * reference directory next to the checkout when it is there (never copied: their licence forbids
 * it). Each file's name states its outcome. The rules themselves are covered by the project's own
 * fixtures in {@link ContractPolicyTest}; without the directory this factory yields nothing.
 *
 * <p>The guide's example policy is one DISCOM's ({@code TEST_DISCOM_SELLER}) and admits a
 * prospective partner on the test network only; {@code guide-policy.json} says the same. The inputs
 * carry no slots, so the trading-window rules are off.
 */
class PolicyGuideExamplesTest {

  private static final String DIR = "shared/spec/uei/examples/deg-discom-policy-guide";

  @TestFactory
  Stream<DynamicTest> eachExampleHasTheOutcomeItsNameStates() throws Exception {
    PolicyEngine engine =
        PolicyEngine.builder()
            .config(PolicyConfigLoaderTest.resource("guide-policy.json"))
            .tradeRules(false)
            .build();
    return examples().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      PolicyRequest r =
                          new PolicyRequest(
                              Wave2Envelope.parse(Files.readAllBytes(f)), Instant.EPOCH);
                      PolicyDecision d = engine.contract(r);
                      assertEquals(expected(f.getFileName().toString()), d.outcome(), d::summary);
                    }));
  }

  /** The outcome the example's name states. */
  static PolicyOutcome expected(String name) {
    if (name.contains("not-applicable")) {
      return PolicyOutcome.NOT_APPLICABLE;
    }
    if (name.contains("allowed") || name.contains("settled")) {
      return PolicyOutcome.ALLOWED;
    }
    return PolicyOutcome.BLOCKED; // blocked-*, bad-*, unknown-*, wrong-*
  }

  private static List<Path> examples() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path dir = p.resolve(DIR);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return List.of();
  }
}
