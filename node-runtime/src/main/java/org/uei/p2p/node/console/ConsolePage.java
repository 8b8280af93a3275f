package org.uei.p2p.node.console;

import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.node.clock.MarketClock;
import org.uei.p2p.node.config.NodeIdentity;

/**
 * What every console page shows around its content: the node, the signed-in user and role, the
 * market clock, and the menu with the node's own pages. Templates get it as {@code page} and
 * include {@code console/layout}.
 */
@ApplicationScoped
public class ConsolePage {

  @Inject NodeIdentity identity;
  @Inject MarketClock clock;
  @Inject SecurityIdentity user;
  @Inject Instance<ConsoleSection> sections;

  /** The frame of one page. */
  @TemplateData
  public record Frame(
      String title,
      String current,
      String node,
      String user,
      boolean operator,
      String marketNow,
      String clockOffset,
      List<ConsoleSection.Link> menu) {}

  /** The frame of the page titled {@code title} at {@code current} (its menu path). */
  public Frame frame(String title, String current) {
    List<ConsoleSection.Link> menu = new ArrayList<>();
    menu.add(new ConsoleSection.Link("Overview", "/console"));
    menu.add(new ConsoleSection.Link("Callbacks", "/console/callbacks"));
    menu.add(new ConsoleSection.Link("Audit log", "/console/audit"));
    for (ConsoleSection s : sections) {
      menu.addAll(s.links());
    }
    Duration offset = clock.offset();
    return new Frame(
        title,
        current,
        identity.subscriberId(),
        user.getPrincipal().getName(),
        user.hasRole(ConsoleRoles.OPERATOR),
        clock.now().toString(),
        offset.isZero() ? "system time" : "moved by " + offset,
        menu);
  }
}
