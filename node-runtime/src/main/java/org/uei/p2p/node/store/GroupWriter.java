package org.uei.p2p.node.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Writes small records in groups on one thread of its own: whatever arrives within a short window
 * after the first record goes into one write, so that a busy node commits once per group instead of
 * once per record (with a window of zero, a group is what queued while the last write ran: a group
 * commit). Callers that must know their record is durable wait for it themselves (a future in the
 * record); otherwise a crash loses at most the open group. A group whose write fails is written
 * again one record at a time, so that one bad record cannot fail the others; a record that fails
 * alone goes to the failure handler.
 *
 * @param <T> the record type
 */
public final class GroupWriter<T> implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GroupWriter.class);

  /**
   * The window of writes that nothing waits for (handled marks, delivery outcomes, audit passes):
   * each H2 commit writes a chunk of the file whatever it holds, so at moderate rates a window this
   * long makes fewer, fuller commits.
   */
  public static final Duration UNAWAITED_WINDOW = Duration.ofMillis(50);

  private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
  private final String name;
  private final int maxGroup;
  private final long windowNanos;
  private final Consumer<List<T>> write;
  private final BiConsumer<T, RuntimeException> failed;
  private volatile Thread thread;
  private volatile boolean open = true;

  /**
   * A writer whose thread starts with the first record.
   *
   * @param name thread name, for logs
   * @param maxGroup most records per write
   * @param window how long a group stays open after its first record
   * @param write writes one group, or throws having written none of it
   * @param failed told of a record that failed to be written alone
   */
  public GroupWriter(
      String name,
      int maxGroup,
      Duration window,
      Consumer<List<T>> write,
      BiConsumer<T, RuntimeException> failed) {
    this.name = name;
    this.maxGroup = maxGroup;
    this.windowNanos = window.toNanos();
    this.write = write;
    this.failed = failed;
  }

  /** A writer that logs a record that failed to be written and drops it. */
  public GroupWriter(String name, int maxGroup, Duration window, Consumer<List<T>> write) {
    this(
        name,
        maxGroup,
        window,
        write,
        (item, e) -> LOG.errorf(e, "%s: could not write %s", name, item));
  }

  /**
   * Queues a record for the next group.
   *
   * @throws IllegalStateException once the writer is closed
   */
  public void add(T item) {
    queue.add(item);
    if (!open && queue.remove(item)) {
      throw new IllegalStateException(name + " is closed");
    }
    if (thread == null) {
      start();
    }
  }

  private synchronized void start() {
    if (thread == null) {
      Thread t = new Thread(this::run, name);
      t.setDaemon(true);
      t.start();
      thread = t;
    }
  }

  private void run() {
    while (open || !queue.isEmpty()) {
      List<T> group = new ArrayList<>();
      try {
        T first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        long deadline = System.nanoTime() + windowNanos;
        while (group.size() < maxGroup) {
          long left = deadline - System.nanoTime();
          T next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          group.add(next);
        }
      } catch (InterruptedException e) {
        open = false;
        queue.drainTo(group);
      }
      if (!group.isEmpty()) {
        writeOrAlone(group);
      }
    }
  }

  private void writeOrAlone(List<T> group) {
    try {
      write.accept(group);
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        try {
          failed.accept(group.get(0), e);
        } catch (RuntimeException handler) {
          LOG.errorf(handler, "%s: failure handler failed", name);
        }
        return;
      }
      for (T item : group) {
        writeOrAlone(List.of(item));
      }
    }
  }

  /** Writes what is queued, then stops the thread (waiting at most {@code timeout}). */
  public void close(Duration timeout) throws InterruptedException {
    open = false;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.join(timeout.toMillis());
    }
  }

  @Override
  public void close() {
    try {
      close(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
