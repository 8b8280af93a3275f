package org.uei.p2p.examples.network;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the demo prints: numbered phases, steps under them, plain-text tables, and the checks it
 * makes with their outcome. Failed checks are counted so the demo can exit non-zero.
 */
public final class Console {
  private final PrintStream out;
  private final List<String> failures = new ArrayList<>();
  private int phase;
  private int checks;

  public Console(PrintStream out) {
    this.out = out;
  }

  public void phase(String title) {
    out.printf("%n== %d. %s%n", ++phase, title);
  }

  public void step(String format, Object... args) {
    out.println("   " + String.format(format, args));
  }

  /** Records a check of the outcome; prints it only when it fails. */
  public boolean check(boolean ok, String what) {
    checks++;
    if (!ok) {
      failures.add(what);
      out.println("   FAILED: " + what);
    }
    return ok;
  }

  /** A table with a header row; columns are as wide as their widest cell. */
  public void table(List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < r.size(); i++) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    for (int k = 0; k < all.size(); k++) {
      StringBuilder line = new StringBuilder("   ");
      for (int i = 0; i < all.get(k).size(); i++) {
        line.append(String.format("%-" + w[i] + "s", all.get(k).get(i)))
            .append(i + 1 < w.length ? "  " : "");
      }
      out.println(line.toString().stripTrailing());
      if (k == 0) {
        StringBuilder rule = new StringBuilder("   ");
        for (int i = 0; i < w.length; i++) {
          rule.append("-".repeat(w[i])).append(i + 1 < w.length ? "  " : "");
        }
        out.println(rule);
      }
    }
  }

  public void line(String text) {
    out.println(text);
  }

  public int checks() {
    return checks;
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }
}
