package org.uei.p2p.bpp.delivery;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.uei.p2p.market.meter.ImportReport;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.jobs.NodeJob;

/**
 * Picks up MDMS batch files from the drop directory (where an SFTP drop delivers them): each {@code
 * *.csv} is imported, then moved to {@code processed/} when every row was good or to {@code
 * rejected/} otherwise, with the rejection report beside it as {@code <name>.report.csv}. A file
 * still being written is left alone until its size stops changing between two polls. Of the
 * instances of a node, only the one running the singleton jobs polls: give them all the same
 * directory (a shared mount), or files dropped beside another instance wait until it runs the jobs.
 * An import seen twice changes nothing (imports are idempotent).
 */
@ApplicationScoped
public class MdmsDropPoller {

  @Inject MeterDataService meterData;
  @Inject DeliveryConfig config;
  @Inject NodeConfig node;
  @Inject org.uei.p2p.node.store.NamedLocks locks;
  @Inject org.uei.p2p.node.store.SingletonJobs singletonJobs;

  private final java.util.Map<Path, Long> lastSize = new java.util.HashMap<>();

  /** The drop directory in use. */
  public Path dropDir() {
    return config
        .mdmsDropDir()
        .map(Path::of)
        .orElseGet(() -> Path.of(node.dataDir()).resolve("mdms-drop"));
  }

  // The first poll waits until the node is up: at start it would take a database lock and list
  // the drop directory while the node loads its classes and opens its listener.
  @NodeJob
  @Scheduled(
      every = "${uei.bpp.delivery.mdms-poll-every:30s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    if (!singletonJobs.runHere()) {
      return; // another instance of the node polls
    }
    try {
      pollOnce(false);
    } catch (IOException e) {
      Log.warnf("MDMS drop directory %s: %s", dropDir(), e.getMessage());
    }
  }

  /**
   * Imports the files waiting in the drop directory.
   *
   * @param settled true to take files at once (the caller knows they are complete)
   * @return the files handled, by their new path
   */
  public List<Path> pollOnce(boolean settled) throws IOException {
    // One poller at a time takes a file, whichever instance of the node it runs in.
    try {
      return locks.holding(
          "mdms-drop",
          () -> {
            try {
              return pollLocked(settled);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private List<Path> pollLocked(boolean settled) throws IOException {
    Path dir = dropDir();
    Files.createDirectories(dir);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv"))
              .sorted()
              .toList();
    }
    List<Path> done = new ArrayList<>();
    for (Path f : files) {
      long size = Files.size(f);
      Long before = lastSize.put(f, size);
      if (!settled && (before == null || before != size)) {
        continue;
      }
      lastSize.remove(f);
      done.add(importFile(dir, f));
    }
    return done;
  }

  private Path importFile(Path dir, Path f) throws IOException {
    ImportReport report;
    try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      report = meterData.importCsv(in);
    }
    Path target = dir.resolve(report.clean() ? "processed" : "rejected");
    Files.createDirectories(target);
    Path moved =
        Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    try (Writer w =
        Files.newBufferedWriter(
            target.resolve(f.getFileName() + ".report.csv"), StandardCharsets.UTF_8)) {
      report.writeRejections(w);
    }
    Log.infof(
        "MDMS file %s: %d rows, %d added, %d unchanged, %d rejected",
        f.getFileName(),
        report.rowsRead(),
        report.added(),
        report.unchanged(),
        report.rejections().size());
    return moved;
  }
}
