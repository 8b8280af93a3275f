package org.uei.p2p.conformance;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The results of one run against one system under test.
 *
 * @param role the role of the system under test: {@code bpp} or {@code bap}
 * @param target where it was reached
 * @param startedAt when the run started
 * @param results one result per case, in the order they ran
 */
public record ConformanceReport(
    String role, String target, Instant startedAt, List<CaseResult> results) {

  /** Copies the results. */
  public ConformanceReport {
    results = List.copyOf(results);
  }

  /** True when every mandatory case passed: the exit code 0 condition. */
  public boolean passed() {
    return results.stream().allMatch(CaseResult::acceptable);
  }

  /** Ids of the cases with {@code outcome}, sorted. */
  public Set<String> ids(Outcome outcome) {
    Set<String> ids = new TreeSet<>();
    results.stream()
        .filter(r -> r.outcome() == outcome)
        .forEach(r -> ids.add(r.conformanceCase().id()));
    return ids;
  }

  /** How many cases ended with {@code outcome}. */
  public long count(Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
