package org.uei.p2p.node.testing;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uei.p2p.node.jobs.NodeJob;

/** The scheduled methods of a running node, read from its scheduler. */
public final class ScheduledMethods {

  private ScheduledMethods() {}

  /**
   * The {@code @Scheduled} methods, as {@code Class#method}, that are not {@link NodeJob}s: a stop
   * would neither hold them back nor wait for them.
   */
  public static List<String> withoutNodeJob(Scheduler scheduler) throws ClassNotFoundException {
    List<String> missing = new ArrayList<>();
    for (Trigger trigger : scheduler.getScheduledJobs()) {
      String description = trigger.getMethodDescription();
      if (description == null) {
        continue; // scheduled in code, not by annotation
      }
      String[] parts = description.split("#", 2);
      Class<?> type =
          Class.forName(parts[0], false, Thread.currentThread().getContextClassLoader());
      List<Method> named =
          Arrays.stream(type.getDeclaredMethods())
              .filter(m -> m.getName().equals(parts[1]))
              .toList();
      if (named.isEmpty() || !named.stream().allMatch(ScheduledMethods::isNodeJob)) {
        missing.add(description);
      }
    }
    return missing;
  }

  /** How many methods the scheduler runs by annotation. */
  public static long count(Scheduler scheduler) {
    return scheduler.getScheduledJobs().stream()
        .filter(t -> t.getMethodDescription() != null)
        .count();
  }

  private static boolean isNodeJob(Method method) {
    return method.isAnnotationPresent(NodeJob.class);
  }
}
