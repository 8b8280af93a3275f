package org.uei.p2p.node.console;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * A node's own console pages, contributed to the navigation shared by every node: a bean
 * implementing this lists its pages, in the order the menu shows them.
 */
public interface ConsoleSection {

  /** The pages this node adds, e.g. orders or settlements; empty when its mode has none. */
  List<Link> links();

  /** One menu entry: its label and its path under {@code /console}. */
  @TemplateData
  record Link(String label, String path) {}
}
