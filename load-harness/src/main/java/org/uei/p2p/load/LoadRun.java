package org.uei.p2p.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A load on {@code POST {target}/select}: {@code concurrency} threads, each with its own keep-alive
 * connection, send the pool's requests for a fixed time and record each answer's latency. A request
 * counts as an error when the answer is not HTTP 200 with an ACK, or the connection fails. Several
 * targets share the connections round robin, one target per connection, as a load balancer would
 * spread them.
 *
 * <p>Closed loop (rate 0): each thread sends its next request as soon as it has its answer, so
 * {@code concurrency} requests are always in flight and the rate is whatever the target reaches;
 * latency runs from the write of the first byte to the read of the last. Open loop (a rate): the
 * requests are due at fixed intervals from the start, whoever sends them, with at most {@code
 * concurrency} in flight; latency runs from the time a request was due, so that a request that
 * waited for a free connection counts its wait (a closed loop would hide it: the slower the target,
 * the fewer requests it is sent). The service time, from the actual send, is kept beside it.
 */
final class LoadRun {

  /**
   * What one run measured.
   *
   * @param sent requests whose answer (or failure) was recorded
   * @param acked HTTP 200 with ACK
   * @param errors every other outcome
   * @param elapsedNanos from the start signal to the last answer
   * @param latencies every recorded request, errors included, from the time it was due
   * @param service the same requests from the time each was actually sent
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
      Latencies service,
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
    return run(targets, pool, concurrency, 0, duration, progress, hook);
  }

  /**
   * Runs the load, closed loop for {@code perSecond} 0, otherwise open loop with one request due
   * every {@code 1 / perSecond} seconds from the start; the requests due before the end are all
   * sent, however late, unless the pool runs out.
   */
  static Result run(
      List<URI> targets,
      RequestPool pool,
      int concurrency,
      double perSecond,
      Duration duration,
      Progress progress,
      SendHook hook)
      throws InterruptedException {
    if (perSecond < 0 || Double.isNaN(perSecond)) {
      throw new IllegalArgumentException("rate must be 0 (closed loop) or above, not " + perSecond);
    }
    Shared shared =
        new Shared(
            pool,
            perSecond,
            new AtomicLong(),
            hook,
            ManagementFactory.getThreadMXBean(),
            new CountDownLatch(concurrency),
            new CountDownLatch(1),
            new long[2],
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
    shared.window[1] = start;
    shared.go.countDown();
    report(workers, start, shared.ackedSoFar, progress);
    long end = start;
    long sent = 0;
    long acked = 0;
    long cpu = 0;
    boolean usedUp = false;
    List<Latencies> parts = new ArrayList<>();
    List<Latencies> services = new ArrayList<>();
    for (Worker w : workers) {
      w.thread.join();
      end = Math.max(end, w.lastAnswerAt);
      sent += w.latencies.count();
      acked += w.acked;
      cpu += w.cpuNanos;
      usedUp |= w.poolUsedUp;
      parts.add(w.latencies);
      services.add(w.service);
    }
    return new Result(
        sent,
        acked,
        sent - acked,
        Math.max(1, end - start),
        Latencies.merge(parts),
        Latencies.merge(services),
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
   * What the load threads of one run share; {@code window[0]} is the end and {@code window[1]} the
   * start, set before {@code go} opens; {@code tickets} numbers the requests of an open loop.
   */
  private record Shared(
      RequestPool pool,
      double perSecond,
      AtomicLong tickets,
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
    final Latencies service = new Latencies(1 << 16);
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
        while (true) {
          long due = nextDue(end);
          if (due == Long.MIN_VALUE) {
            break;
          }
          PreparedRequest r = shared.pool.take();
          if (r == null) {
            poolUsedUp = true;
            break;
          }
          long t0 = System.nanoTime();
          if (shared.perSecond == 0) {
            due = t0;
          }
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
          latencies.add(lastAnswerAt - due);
          service.add(lastAnswerAt - t0);
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

    /**
     * When the next request is due, after waiting for it in an open loop; {@code Long.MIN_VALUE}
     * when the run is over. A closed loop's next request is due now (0 stands for it).
     */
    private long nextDue(long end) {
      if (shared.perSecond == 0) {
        return System.nanoTime() < end ? 0 : Long.MIN_VALUE;
      }
      long ticket = shared.tickets.getAndIncrement();
      long due = shared.window[1] + (long) (ticket * 1e9 / shared.perSecond);
      if (due - end >= 0) {
        return Long.MIN_VALUE;
      }
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      return due;
    }
  }
}
