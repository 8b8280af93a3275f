package org.uei.p2p.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.bpp.BppCases;
import org.uei.p2p.conformance.report.ConsoleReport;
import org.uei.p2p.conformance.report.HtmlReport;
import org.uei.p2p.conformance.report.JUnitXmlReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three report forms are well-formed, name every case and agree on the verdict. */
class ReportsTest {

  /** One of each outcome, with evidence full of characters that must be escaped. */
  private static ConformanceReport sample() {
    List<CaseResult> results = new ArrayList<>();
    Exchange tricky =
        new Exchange(
            "select <with> \"quotes\" & ampersands",
            "POST http://x/select\n\n{\"a\":\"<script>alert(1)</script> & \u0001\"}",
            "HTTP 200\n\n{\"message\":{\"ack\":{\"status\":\"ACK\"}}}");
    for (ConformanceCase c : BppCases.ALL) {
      if (c == BppCases.EXPIRED) {
        results.add(
            CaseResult.failed(c, "expected HTTP 401, got HTTP 200 ACK <&>", List.of(tricky)));
      } else if (c == BppCases.UNSOLICITED) {
        results.add(CaseResult.notRun(c, "no unsolicited callback arrived"));
      } else {
        results.add(CaseResult.passed(c, "ok", List.of(tricky)));
      }
    }
    return new ConformanceReport(
        "bpp", "http://127.0.0.1:1/bpp?a=1&b=2", Instant.parse("2026-01-02T03:04:05Z"), results);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void htmlIsWellFormedSelfContainedAndHasEveryCase() throws Exception {
    ConformanceReport report = sample();
    String html = HtmlReport.render(report);
    Document doc = parse(html);
    NodeList sections = doc.getElementsByTagNameNS("*", "section");
    assertEquals(BppCases.ALL.size(), sections.getLength());
    for (int i = 0; i < sections.getLength(); i++) {
      Element s = (Element) sections.item(i);
      assertEquals(BppCases.ALL.get(i).id(), s.getAttribute("id"));
      assertEquals(report.results().get(i).outcome().name(), s.getAttribute("class"));
    }
    assertFalse(html.contains("<script>"), "evidence is escaped");
    assertFalse(
        html.contains("http-equiv") || html.contains("<link") || html.contains("src="),
        "no external assets");
    assertTrue(html.contains("How to fix it"), "a failed case says how to fix it");
    assertTrue(html.contains("Mandatory cases did not pass"));
  }

  @Test
  void junitXmlCountsMandatoryFailuresAndOptionalSkips() throws Exception {
    Document doc = parse(JUnitXmlReport.render(sample()));
    Element suite = doc.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals(String.valueOf(BppCases.ALL.size()), suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    assertEquals("1", suite.getAttribute("skipped"));
    NodeList failures = doc.getElementsByTagName("failure");
    assertEquals(1, failures.getLength());
    Element testcase = (Element) failures.item(0).getParentNode();
    assertTrue(testcase.getAttribute("name").startsWith(BppCases.EXPIRED.id()));
    assertNotNull(((Element) failures.item(0)).getAttribute("message"));
  }

  @Test
  void verdictFollowsMandatoryCasesOnly() {
    ConformanceReport failing = sample();
    assertFalse(failing.passed());
    assertEquals(java.util.Set.of(BppCases.EXPIRED.id()), failing.ids(Outcome.FAILED));
    List<CaseResult> fixed = new ArrayList<>(failing.results());
    fixed.replaceAll(
        r ->
            r.conformanceCase() == BppCases.EXPIRED
                ? CaseResult.passed(r.conformanceCase(), "ok", List.of())
                : r);
    ConformanceReport passing = new ConformanceReport("bpp", "t", Instant.EPOCH, fixed);
    assertTrue(passing.passed(), "an optional case not run does not fail the run");
    assertTrue(ConsoleReport.render(passing).contains("every mandatory case passed"));
    assertTrue(ConsoleReport.render(failing).contains("FAIL BPP-SIG-004"));
  }
}
