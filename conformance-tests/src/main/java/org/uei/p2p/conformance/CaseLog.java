package org.uei.p2p.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The results of a run as the cases finish, each also told to the user as one progress line ({@code
 * mark id reason}).
 */
public final class CaseLog implements Consumer<CaseResult> {

  private final List<CaseResult> recorded = new ArrayList<>();
  private final Consumer<String> progress;

  /** A log that tells {@code progress} of every result. */
  public CaseLog(Consumer<String> progress) {
    this.progress = progress;
  }

  @Override
  public void accept(CaseResult r) {
    recorded.add(r);
    progress.accept(r.outcome().mark() + " " + r.conformanceCase().id() + " " + r.reason());
  }

  /** Every result in the order it came. */
  public List<CaseResult> recorded() {
    return List.copyOf(recorded);
  }

  /**
   * One result per case of {@code cases}, in their order: the last recorded for it, or not run
   * ("not reached") when the run ended before it.
   */
  public List<CaseResult> ordered(List<ConformanceCase> cases) {
    Map<ConformanceCase, CaseResult> last = new LinkedHashMap<>();
    recorded.forEach(r -> last.put(r.conformanceCase(), r));
    List<CaseResult> out = new ArrayList<>();
    for (ConformanceCase c : cases) {
      out.add(last.getOrDefault(c, CaseResult.notRun(c, "not reached")));
    }
    return out;
  }
}
