package org.uei.p2p.market.settlement.profile;

import java.util.List;

/** Settlement settings that cannot be used: one line per bad value, each naming the setting. */
public final class PolicySettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems, one line each. */
  private final List<String> problems;

  /** An exception listing {@code problems}. */
  public PolicySettingsException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one line each, each naming its setting. */
  public List<String> problems() {
    return problems;
  }
}
