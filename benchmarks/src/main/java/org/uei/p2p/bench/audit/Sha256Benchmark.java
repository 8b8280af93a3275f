package org.uei.p2p.bench.audit;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.uei.p2p.audit.merkle.MerkleHashes;

/**
 * Raw SHA-256 next to the audit log benchmarks: the floor an append cannot beat (one leaf hash
 * plus, amortised, one node hash).
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Sha256Benchmark {

  private byte[] entry;
  private byte[] left;
  private byte[] right;
  private byte[] kib;

  @Setup
  public void setUp() {
    entry = BenchEntries.pool()[7];
    left = MerkleHashes.sha256(new byte[] {1});
    right = MerkleHashes.sha256(new byte[] {2});
    kib = new byte[1024];
  }

  /** SHA-256 of one entry as the benchmarks append it (about 230 bytes). */
  @Benchmark
  public byte[] sha256Entry() {
    return MerkleHashes.sha256(entry);
  }

  /** The leaf hash of the same entry (0x00 prefix). */
  @Benchmark
  public byte[] leafHash() {
    return MerkleHashes.leafHash(entry);
  }

  /** One interior node hash: SHA-256 over 65 bytes. */
  @Benchmark
  public byte[] nodeHash() {
    return MerkleHashes.nodeHash(left, right);
  }

  /** SHA-256 of 1 KiB, to read off raw throughput in MB/s (ops/s × 1024). */
  @Benchmark
  public byte[] sha256OneKiB() {
    return MerkleHashes.sha256(kib);
  }
}
