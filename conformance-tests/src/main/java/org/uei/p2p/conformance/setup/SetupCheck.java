package org.uei.p2p.conformance.setup;

import java.util.Objects;
import org.uei.p2p.conformance.ConformanceSetupException;

/**
 * One thing a run needs, checked.
 *
 * @param name what was checked, e.g. {@code registry}
 * @param ok whether it holds
 * @param detail what was seen
 * @param fix what to do when it does not hold; null when it does
 */
public record SetupCheck(String name, boolean ok, String detail, String fix) {

  public SetupCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
    if (!ok) {
      Objects.requireNonNull(fix, "a failed check names its fix");
    }
  }

  /** A check that held. */
  public static SetupCheck passed(String name, String detail) {
    return new SetupCheck(name, true, detail, null);
  }

  /** A check that failed, with the fix. */
  public static SetupCheck failed(String name, String detail, String fix) {
    return new SetupCheck(name, false, detail, fix);
  }

  /** One line: {@code ok name: detail} or {@code FIX name: detail; fix}. */
  public String line() {
    return (ok ? "ok   " : "FIX  ") + name + ": " + detail + (ok ? "" : "; " + fix);
  }

  /**
   * This check, if it held.
   *
   * @throws ConformanceSetupException with {@link #error()} when it did not
   */
  public SetupCheck require() throws ConformanceSetupException {
    if (!ok) {
      throw new ConformanceSetupException(error());
    }
    return this;
  }

  /** The one-line setup error a run ends with when this check failed. */
  public String error() {
    return name + ": " + detail + "; " + fix;
  }
}
