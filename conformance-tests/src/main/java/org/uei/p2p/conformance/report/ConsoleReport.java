package org.uei.p2p.conformance.report;

import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.Outcome;

/** The summary printed at the end of a run: one line per case and a verdict. */
public final class ConsoleReport {

  private ConsoleReport() {}

  /** The summary text, lines separated by {@code \n}. */
  public static String render(ConformanceReport report) {
    StringBuilder s = new StringBuilder();
    s.append("Conformance of the ")
        .append(report.role().toUpperCase())
        .append(" at ")
        .append(report.target())
        .append('\n');
    // Wave-2 ids are longer than wave 1's twelve columns; the titles stay aligned either way.
    int idWidth =
        Math.max(
            12,
            report.results().stream()
                .mapToInt(r -> r.conformanceCase().id().length())
                .max()
                .orElse(0));
    String line = "%-4s %-" + idWidth + "s %-9s %s%n";
    for (CaseResult r : report.results()) {
      String mark = r.outcome().mark();
      s.append(
          String.format(
              line,
              mark,
              r.conformanceCase().id(),
              !r.conformanceCase().mandatory()
                  ? "(option)"
                  : r.conformanceCase().conditional() ? "(if any)" : "",
              r.conformanceCase().title()));
      if (r.outcome() != Outcome.PASSED) {
        s.append("     ").append(r.reason()).append('\n');
      }
    }
    s.append(
        String.format(
            "%d passed, %d failed, %d not run: %s%n",
            report.count(Outcome.PASSED),
            report.count(Outcome.FAILED),
            report.count(Outcome.NOT_RUN),
            report.passed() ? "every mandatory case passed" : "mandatory cases did not pass"));
    return s.toString();
  }
}
