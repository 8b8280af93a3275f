package org.uei.p2p.conformance.report;

import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.Outcome;

/**
 * The run as a JUnit XML test suite, the format CI systems read: one testcase per case, a {@code
 * failure} for a mandatory case that did not pass, {@code skipped} for an optional one.
 */
public final class JUnitXmlReport {

  private JUnitXmlReport() {}

  /** The XML document. */
  public static String render(ConformanceReport report) {
    long failures = report.results().stream().filter(r -> !r.acceptable()).count();
    long skipped =
        report.results().stream()
            .filter(r -> r.outcome() != Outcome.PASSED && r.acceptable())
            .count();
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<testsuite name=\"uei-conformance-")
        .append(Html.escape(report.role()))
        .append("\" tests=\"")
        .append(report.results().size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"")
        .append(skipped)
        .append("\" timestamp=\"")
        .append(report.startedAt())
        .append("\">\n");
    s.append("  <properties><property name=\"target\" value=\"")
        .append(Html.escape(report.target()))
        .append("\"/></properties>\n");
    for (CaseResult r : report.results()) {
      s.append("  <testcase classname=\"conformance.")
          .append(Html.escape(report.role()))
          .append('.')
          .append(Html.escape(r.conformanceCase().group()))
          .append("\" name=\"")
          .append(Html.escape(r.conformanceCase().id() + " " + r.conformanceCase().title()))
          .append("\">");
      if (r.outcome() == Outcome.PASSED) {
        s.append("</testcase>\n");
        continue;
      }
      boolean failure = !r.acceptable();
      s.append('\n')
          .append(failure ? "    <failure message=\"" : "    <skipped message=\"")
          .append(Html.escape(r.reason()))
          .append("\">");
      s.append(Html.escape(r.conformanceCase().rule() + "\n" + r.conformanceCase().fix()));
      for (Exchange e : r.evidence()) {
        s.append(
            Html.escape(
                "\n\n--- "
                    + e.title()
                    + " ---\n"
                    + e.sent()
                    + "\n--- answer ---\n"
                    + e.received()));
      }
      s.append(failure ? "</failure>\n" : "</skipped>\n").append("  </testcase>\n");
    }
    s.append("</testsuite>\n");
    return s.toString();
  }
}
