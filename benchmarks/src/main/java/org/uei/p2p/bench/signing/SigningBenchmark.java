package org.uei.p2p.bench.signing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.BecknVerifier;
import org.uei.p2p.signing.ResolvedKey;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.VerificationResult;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Beckn signing and verification of a body next to the bare Ed25519 primitive over the same body,
 * with BouncyCastle and with the JDK's EdDSA provider, in one run so the ratios compare like with
 * like.
 *
 * <p>On a shared 2-core machine other processes steal wall time unevenly between benchmarks run one
 * after another, so {@link #pairedSignAndVerify} also measures bare and Beckn sign+verify
 * alternately in the same invocation, in thread CPU time; the ratio of its two counters is the
 * figure to trust.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

  @Param({"1024", "16384"})
  int bodySize;

  byte[] body;

  Ed25519PrivateKeyParameters bcPrivate;
  Ed25519PublicKeyParameters bcPublic;
  byte[] bcSignature;

  PrivateKey jdkPrivate;
  PublicKey jdkPublic;
  byte[] jdkSignature;

  BecknSigner signer;
  BecknVerifier verifier;
  String authorization;

  @Setup
  public void setUp() throws Exception {
    body = jsonBody(bodySize);

    Ed25519KeyPair key = Ed25519KeyPair.generate();
    bcPrivate = new Ed25519PrivateKeyParameters(key.seed(), 0);
    bcPublic = bcPrivate.generatePublicKey();
    bcSignature = bcSign();

    KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    jdkPrivate = jdk.getPrivate();
    jdkPublic = jdk.getPublic();
    jdkSignature = jdkSign();

    signer =
        BecknSigner.builder("bap.bench.example", "k1", key).validity(Duration.ofHours(1)).build();
    verifier =
        BecknVerifier.of(
            StaticKeyResolver.of(
                ResolvedKey.ofBase64("bap.bench.example", "k1", key.publicKeyBase64())));
    authorization = signer.authorization(body);
    if (!verifier.verify(authorization, body, "bap.bench.example").valid()
        || !bcVerify()
        || !jdkVerify()) {
      throw new IllegalStateException("benchmark set-up does not verify");
    }
  }

  /** A JSON-shaped body of exactly {@code size} bytes. */
  static byte[] jsonBody(int size) {
    String head =
        "{\"context\":{\"domain\":\"beckn.one:deg:p2p-trading:2.0.0\",\"action\":\"confirm\"},\"message\":{\"pad\":\"";
    String tail = "\"}}";
    byte[] out = new byte[size];
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    Arrays.fill(out, (byte) 'x');
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(t, 0, out, size - t.length, t.length);
    return out;
  }

  @Benchmark
  public byte[] bcSign() {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    bcPrivate.sign(Ed25519.Algorithm.Ed25519, null, body, 0, body.length, sig, 0);
    return sig;
  }

  @Benchmark
  public boolean bcVerify() {
    return bcPublic.verify(Ed25519.Algorithm.Ed25519, null, body, 0, body.length, bcSignature, 0);
  }

  @Benchmark
  public boolean bcSignAndVerify() {
    byte[] sig = bcSign();
    return bcPublic.verify(Ed25519.Algorithm.Ed25519, null, body, 0, body.length, sig, 0);
  }

  @Benchmark
  public byte[] jdkSign() throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(jdkPrivate);
    s.update(body);
    return s.sign();
  }

  @Benchmark
  public boolean jdkVerify() throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(jdkPublic);
    s.update(body);
    return s.verify(jdkSignature);
  }

  @Benchmark
  public String becknSign() {
    return signer.authorization(body);
  }

  @Benchmark
  public VerificationResult becknVerify() {
    return verifier.verify(authorization, body, "bap.bench.example");
  }

  @Benchmark
  public VerificationResult becknSignAndVerify() {
    return verifier.verify(signer.authorization(body), body, "bap.bench.example");
  }

  /** Thread CPU nanoseconds spent in each variant of sign+verify, reported as JMH counters. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class PairedCpuTime {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long bareCpuNanos;
    public long becknCpuNanos;

    @Setup(Level.Iteration)
    public void reset() {
      bareCpuNanos = 0;
      becknCpuNanos = 0;
    }
  }

  @Benchmark
  public boolean pairedSignAndVerify(PairedCpuTime cpu) {
    long t0 = PairedCpuTime.THREADS.getCurrentThreadCpuTime();
    boolean bare = bcSignAndVerify();
    long t1 = PairedCpuTime.THREADS.getCurrentThreadCpuTime();
    boolean beckn = becknSignAndVerify().valid();
    long t2 = PairedCpuTime.THREADS.getCurrentThreadCpuTime();
    cpu.bareCpuNanos += t1 - t0;
    cpu.becknCpuNanos += t2 - t1;
    return bare & beckn;
  }
}
