package org.uei.p2p.conformance.report;

import org.uei.p2p.conformance.CaseResult;
import org.uei.p2p.conformance.ConformanceReport;
import org.uei.p2p.conformance.Exchange;
import org.uei.p2p.conformance.Outcome;

/**
 * The run as one self-contained HTML page (inline CSS, no scripts, no external assets), written for
 * a reader who has never seen Beckn: each case says what was checked, why it matters and, when it
 * failed, what was sent, what came back and how to fix it.
 */
public final class HtmlReport {

  /** Evidence longer than this is cut, so that a large catalog does not bury the point. */
  private static final int MAX_EVIDENCE = 6000;

  private static final String CSS =
      "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
          + "h1{font-size:1.6rem}h2{font-size:1.15rem;margin:0}section{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.8rem 1rem}"
          + ".PASSED{border-left:8px solid #2e7d32}.FAILED{border-left:8px solid #c62828}.NOT_RUN{border-left:8px solid #9e9e9e}"
          + ".badge{display:inline-block;font-weight:bold;padding:0 .5rem;border-radius:4px;color:#fff;margin-right:.5rem}"
          + ".b-PASSED{background:#2e7d32}.b-FAILED{background:#c62828}.b-NOT_RUN{background:#757575}"
          + "pre{background:#f6f6f6;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}"
          + "dt{font-weight:bold;margin-top:.4rem}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}"
          + ".verdict{font-size:1.2rem;font-weight:bold}.ok{color:#2e7d32}.bad{color:#c62828}";

  private HtmlReport() {}

  /** The HTML document. */
  public static String render(ConformanceReport report) {
    String role =
        switch (report.role()) {
          case "bpp" -> "seller platform (BPP)";
          case "ledger" -> "DISCOM ledger provider";
          default -> "buyer platform (BAP)";
        };
    String kit =
        switch (report.role()) {
          case "bpp" -> "a buyer platform";
          case "ledger" -> "both platforms of a trade and the ledger's DISCOM";
          default -> "a seller platform";
        };
    StringBuilder s =
        new StringBuilder(
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>");
    s.append("<title>Conformance report: ")
        .append(Html.escape(report.target()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    s.append("<h1>Conformance report for the ")
        .append(role)
        .append(" at ")
        .append(Html.escape(report.target()))
        .append("</h1>\n");
    s.append(
            "<p>Platforms that trade energy peer to peer talk to each other with signed messages: a buyer platform "
                + "asks (discover offers, select, init, confirm, status), the seller platform answers at once with an "
                + "acknowledgement (ACK) or a refusal (NACK), and later sends the real answer as a separate message called a "
                + "callback. Every message carries a digital signature that proves who sent it. For this report the "
                + "conformance kit played ")
        .append(kit)
        .append(
            " and checked how the system under test behaves, "
                + "including when it is sent wrong or malicious messages. Run started ")
        .append(Html.escape(report.startedAt().toString()))
        .append(".</p>\n");
    s.append("<p class=\"verdict ")
        .append(
            report.passed()
                ? "ok\">Every mandatory case passed."
                : "bad\">Mandatory cases did not pass: this platform is not ready to join the network.")
        .append("</p>\n");
    s.append("<table><tr><th>passed</th><th>failed</th><th>not run</th></tr><tr><td>")
        .append(report.count(Outcome.PASSED))
        .append("</td><td>")
        .append(report.count(Outcome.FAILED))
        .append("</td><td>")
        .append(report.count(Outcome.NOT_RUN))
        .append("</td></tr></table>\n<h2 style=\"margin-top:1rem\">Cases</h2>\n<table>");
    for (CaseResult r : report.results()) {
      s.append("<tr><td><a href=\"#")
          .append(r.conformanceCase().id())
          .append("\">")
          .append(r.conformanceCase().id())
          .append("</a></td><td>")
          .append(label(r.outcome()))
          .append("</td><td>")
          .append(Html.escape(r.conformanceCase().title()))
          .append("</td></tr>");
    }
    s.append("</table>\n");
    for (CaseResult r : report.results()) {
      section(s, r);
    }
    s.append("</body></html>\n");
    return s.toString();
  }

  private static void section(StringBuilder s, CaseResult r) {
    var c = r.conformanceCase();
    s.append("<section id=\"")
        .append(c.id())
        .append("\" class=\"")
        .append(r.outcome())
        .append("\">");
    s.append("<h2><span class=\"badge b-")
        .append(r.outcome())
        .append("\">")
        .append(label(r.outcome()))
        .append("</span>")
        .append(c.id())
        .append(": ")
        .append(Html.escape(c.title()))
        .append("</h2>");
    s.append("<dl><dt>What was checked</dt><dd>").append(Html.escape(c.checks())).append("</dd>");
    s.append("<dt>Why it matters</dt><dd>").append(Html.escape(c.why())).append("</dd>");
    s.append("<dt>Rule</dt><dd>")
        .append(Html.escape(c.rule()))
        .append(
            !c.mandatory()
                ? " (optional)"
                : c.conditional() ? " (mandatory when it applies)" : " (mandatory)")
        .append("</dd>");
    s.append("<dt>Result</dt><dd>").append(Html.escape(r.reason())).append("</dd>");
    if (r.outcome() != Outcome.PASSED) {
      s.append("<dt>How to fix it</dt><dd>").append(Html.escape(c.fix())).append("</dd>");
    }
    s.append("</dl>");
    for (Exchange e : r.evidence()) {
      s.append("<details")
          .append(r.outcome() == Outcome.FAILED ? " open=\"open\"" : "")
          .append("><summary>")
          .append(Html.escape(e.title()))
          .append("</summary><p>Sent:</p><pre>")
          .append(Html.escape(cut(e.sent())))
          .append("</pre><p>Came back:</p><pre>")
          .append(Html.escape(cut(e.received())))
          .append("</pre></details>");
    }
    s.append("</section>\n");
  }

  private static String label(Outcome o) {
    return switch (o) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case NOT_RUN -> "NOT RUN";
    };
  }

  private static String cut(String text) {
    return text.length() <= MAX_EVIDENCE
        ? text
        : text.substring(0, MAX_EVIDENCE)
            + "\n… ("
            + (text.length() - MAX_EVIDENCE)
            + " more characters)";
  }
}
