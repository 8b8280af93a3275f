package org.uei.p2p.bench.audit;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.merkle.InclusionProof;
import org.uei.p2p.audit.store.InMemoryLogStore;

/**
 * Appends and inclusion proofs on an in-memory audit log already holding {@code leaves} entries.
 *
 * <p>The log is built once per trial (tens of seconds at 10 M leaves); appends measured here grow
 * it by a bounded amount, proofs are taken at the size it had after setup so every proof covers a
 * tree of exactly {@code leaves} leaves.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class AuditLogBenchmark {

  static final int BATCH = 200_000;

  @Param({"1000000", "10000000"})
  long leaves;

  private byte[][] pool;
  private MerkleLog log;
  private long next;
  private long random = 0x9E3779B97F4A7C15L;

  @Setup(Level.Trial)
  public void build() {
    pool = BenchEntries.pool();
    log = new MerkleLog(new InMemoryLogStore());
    for (long i = 0; i < leaves; i++) {
      log.append(pool[(int) (i & (BenchEntries.POOL - 1))]);
    }
    next = leaves;
    // Promote the freshly built tree now, so that no measured iteration pays for copying it.
    System.gc();
  }

  /**
   * {@value #BATCH} appends (leaf hash, frontier merge, store write), timed once per iteration and
   * reported per append. A fixed batch rather than a throughput loop: a log grows with every
   * append, and an open-ended loop at 10 M leaves would fill the heap and measure the collector.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OperationsPerInvocation(BATCH)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long append() {
    long last = 0;
    for (int i = 0; i < BATCH; i++) {
      last = log.append(pool[(int) (next++ & (BenchEntries.POOL - 1))]);
    }
    return last;
  }

  /** Inclusion proof of a random leaf in the tree of {@code leaves} leaves. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public InclusionProof inclusionProof() {
    random ^= random << 13;
    random ^= random >>> 7;
    random ^= random << 17;
    return log.inclusionProof(Long.remainderUnsigned(random, leaves), leaves);
  }
}
