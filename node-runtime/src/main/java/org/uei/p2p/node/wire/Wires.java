package org.uei.p2p.node.wire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.uei.p2p.model.wire.WireGeneration;

/**
 * The wires a node speaks, from {@code uei.wire}: {@code wave1}, {@code wave2}, {@code uei-v1}
 * (Beckn 1.1.0), or several of them comma-separated.
 */
public final class Wires {

  private Wires() {}

  /**
   * The generations named by {@code names} (short names, e.g. {@code wave1}).
   *
   * @throws IllegalArgumentException naming every unknown or unsupported name, or when none is
   *     given
   */
  public static Set<WireGeneration> parse(Collection<String> names) {
    EnumSet<WireGeneration> wires = EnumSet.noneOf(WireGeneration.class);
    List<String> bad = new ArrayList<>();
    for (String raw : names) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      WireGeneration g =
          WireGeneration.fromShortName(name).filter(WireGeneration::isSupported).orElse(null);
      if (g == null) {
        bad.add(name);
      } else {
        wires.add(g);
      }
    }
    if (!bad.isEmpty() || wires.isEmpty()) {
      throw new IllegalArgumentException(
          "uei.wire must list wave1, wave2, uei-v1 or several of them (comma-separated); got "
              + names);
    }
    return Set.copyOf(wires);
  }

  /** The titles of {@code wires}, for messages: {@code DEG wave 1 (Beckn 2.0-rc) and …}. */
  static String titles(Set<WireGeneration> wires) {
    return wires.stream().sorted().map(WireGeneration::title).collect(Collectors.joining(" and "));
  }
}
