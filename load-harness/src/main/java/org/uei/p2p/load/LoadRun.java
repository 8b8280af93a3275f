package org.uei.p2p.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load: {@code concurrency} threads, each with its own keep-alive connection, send
 * the pool's requests back to back to {@code POST {target}/select} for a fixed time, and record
 * each answer's latency (write of the first byte to read of the last). A request counts as an error
 * when the answer is not HTTP 200 with an ACK, or the connection fails. Several targets share the
 * connections round robin, one target per connection, as a load balancer would spread them.
 */
final class LoadRun {

  /**
   * What one run measured.
   *
   * @param sent requests whose answer (or failure) was recorded
   * @param acked HTTP 200 with ACK
   * @param errors every other outcome
   * @param elapsedNanos from the start signal to the last answer
   * @param latencies every recorded request, errors included
   * @param clientCpuNanos CPU time of the load threads
   * @param poolUsedUp true when the run ended early because no pre-signed request was left
   * @param firstError a description of the first error, or null
   */
  record Result(
      long sent,
      long acked,
      long errors,
      long elapsedNanos,
      Latencies latencies,
      long clientCpuNanos,
      boolean poolUsedUp,
      String firstError) {

    double ackedPerSecond() {
      return acked * 1e9 / elapsedNanos;
    }
  }

  private LoadRun() {}

  /** Told the ACKed rate of each completed interval while a run goes on. */
  interface Progress {
    void interval(Duration elapsed, double ackedPerSecond);
  }

  /** How often {@link Progress} is told. */
  static final Duration INTERVAL = Duration.ofSeconds(10);

  /** Told the time each request is sent, before its first byte is written. */
  interface SendHook {
    void sending(PreparedRequest request, long nanoTime);
  }

  /**
   * Runs the load and waits for every thread to finish its last request. With several targets
   * (instances of one node) the connections go to them in turn: connection i to target i mod n.
   */
  static Result run(
      List<URI> targets, RequestPool pool, int concurrency, Duration duration, Progress progress)
      throws InterruptedException {
    return run(targets, pool, concurrency, duration, progress, (r, t) -> {});
  }

  /**
   * Like {@link #run(List, RequestPool, int, Duration, Progress)}, telling {@code hook} of every
   * send.
   */
  static Result run(
      List<URI> targets,
      RequestPool pool,
      int concurrency,
      Duration duration,
      Progress progress,
      SendHook hook)
      throws InterruptedException {
    Shared shared =
        new Shared(
            pool,
            hook,
            ManagementFactory.getThreadMXBean(),
            new CountDownLatch(concurrency),
            new CountDownLatch(1),
            new long[1],
            new AtomicReference<>(),
            new LongAdder());
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Worker w = new Worker(new HttpConnection(targets.get(i % targets.size()), "/select"), shared);
      w.thread.setName("load-" + i);
      workers.add(w);
      w.thread.start();
    }
    shared.ready.await();
    long start = System.nanoTime();
    shared.window[0] = start + duration.toNanos();
    shared.go.countDown();
    report(workers, start, shared.ackedSoFar, progress);
    long end = start;
    long sent = 0;
    long acked = 0;
    long cpu = 0;
    boolean usedUp = false;
    List<Latencies> parts = new ArrayList<>();
    for (Worker w : workers) {
      w.thread.join();
      end = Math.max(end, w.lastAnswerAt);
      sent += w.latencies.count();
      acked += w.acked;
      cpu += w.cpuNanos;
      usedUp |= w.poolUsedUp;
      parts.add(w.latencies);
    }
    return new Result(
        sent,
        acked,
        sent - acked,
        Math.max(1, end - start),
        Latencies.merge(parts),
        cpu,
        usedUp,
        shared.firstError.get());
  }

  private static void report(List<Worker> workers, long start, LongAdder acked, Progress progress)
      throws InterruptedException {
    long tick = start + INTERVAL.toNanos();
    long before = 0;
    for (Worker w : workers) {
      while (w.thread.isAlive()) {
        long wait = tick - System.nanoTime();
        if (wait > 0) {
          w.thread.join(Math.max(1, wait / 1_000_000));
          continue;
        }
        long now = acked.sum();
        progress.interval(
            Duration.ofNanos(tick - start), (now - before) * 1e9 / INTERVAL.toNanos());
        before = now;
        tick += INTERVAL.toNanos();
      }
    }
  }

  /**
   * What the load threads of one run share; {@code window[0]} is the end, set before {@code go}
   * opens.
   */
  private record Shared(
      RequestPool pool,
      SendHook hook,
      ThreadMXBean mx,
      CountDownLatch ready,
      CountDownLatch go,
      long[] window,
      AtomicReference<String> firstError,
      LongAdder ackedSoFar) {}

  private static final class Worker implements Runnable {
    final Thread thread = new Thread(this);
    final Latencies latencies = new Latencies(1 << 16);
    private final HttpConnection connection;
    private final Shared shared;
    long acked;
    long cpuNanos;
    long lastAnswerAt;
    boolean poolUsedUp;

    Worker(HttpConnection connection, Shared shared) {
      this.connection = connection;
      this.shared = shared;
    }

    @Override
    public void run() {
      shared.ready.countDown();
      try {
        shared.go.await();
      } catch (InterruptedException e) {
        return;
      }
      long cpu0 = shared.mx.getCurrentThreadCpuTime();
      long end = shared.window[0];
      try {
        while (System.nanoTime() < end) {
          PreparedRequest r = shared.pool.take();
          if (r == null) {
            poolUsedUp = true;
            break;
          }
          long t0 = System.nanoTime();
          shared.hook.sending(r, t0);
          String error;
          try {
            HttpConnection.Answer a = connection.exchange(r);
            error =
                a.status() == 200 && a.ack()
                    ? null
                    : "HTTP "
                        + a.status()
                        + (a.ack() ? " ACK" : " NACK")
                        + " for message_id "
                        + r.messageId();
          } catch (IOException | RuntimeException e) {
            error = e + " for message_id " + r.messageId();
          }
          lastAnswerAt = System.nanoTime();
          latencies.add(lastAnswerAt - t0);
          if (error == null) {
            acked++;
            shared.ackedSoFar.increment();
          } else {
            shared.firstError.compareAndSet(null, error);
          }
        }
      } finally {
        cpuNanos = shared.mx.getCurrentThreadCpuTime() - cpu0;
        connection.close();
      }
    }
  }
}
