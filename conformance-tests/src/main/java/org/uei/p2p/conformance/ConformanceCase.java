package org.uei.p2p.conformance;

import java.util.Objects;

/**
 * One check of the kit, described for the person reading the report: what is checked, why it
 * matters and how to fix a failure.
 *
 * @param id stable identifier, e.g. {@code BPP-SIG-002}
 * @param title one line
 * @param rule the rule it checks, named in words (BECKN-006 signatures, BECKN-005 errors, ...)
 * @param mandatory true when a failure makes the run fail
 * @param checks what the kit does and expects, in plain words
 * @param why what goes wrong on a live network when this fails
 * @param fix what to change when it fails
 * @param conditional true for a mandatory case whose subject may not occur in a run (revenue flows
 *     come only once a trade is settled): not running it does not fail the run, failing it does
 */
public record ConformanceCase(
    String id,
    String title,
    String rule,
    boolean mandatory,
    String checks,
    String why,
    String fix,
    boolean conditional) {

  /** A case that always applies. */
  public ConformanceCase(
      String id,
      String title,
      String rule,
      boolean mandatory,
      String checks,
      String why,
      String fix) {
    this(id, title, rule, mandatory, checks, why, fix, false);
  }

  /** Requires every field. */
  public ConformanceCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
  }

  /** The id's group, e.g. {@code SIG} for {@code BPP-SIG-002}. */
  public String group() {
    String[] parts = id.split("-");
    return parts.length >= 2 ? parts[1] : id;
  }
}
