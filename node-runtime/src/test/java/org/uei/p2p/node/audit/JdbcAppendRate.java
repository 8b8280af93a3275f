package org.uei.p2p.node.audit;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.h2.jdbcx.JdbcConnectionPool;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.entry.RecordEntry;
import org.uei.p2p.audit.sth.TreeHeadSigner;
import org.uei.p2p.audit.verify.LogExport;
import org.uei.p2p.audit.verify.LogVerifier;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Measures appends per second into {@link JdbcLogStore} on an H2 file database (the nodes'
 * default), each append its own committed transaction as the message store makes it. A measurement
 * harness run by hand for BENCHMARKS.md, not a test:
 *
 * <pre>java -cp &lt;test classpath&gt; org.uei.p2p.node.audit.JdbcAppendRate [appends]</pre>
 *
 * <p>It ends by verifying the log it wrote, so a fast but wrong store cannot report a figure.
 */
public final class JdbcAppendRate {

  private JdbcAppendRate() {}

  public static void main(String[] args) throws Exception {
    int appends = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path dir = Files.createTempDirectory("audit-append-rate");
    JdbcConnectionPool pool =
        JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("node"), "uei", "");
    try {
      migrate(pool);
      JdbcLogStore store = new JdbcLogStore(pool);
      MerkleLog log = new MerkleLog(store);
      byte[] json =
          ("{\"trade\":\"order-0001/1\",\"meter\":\"DL-METER-000123\",\"slot\":\"2026-02-11T06:00:00Z\","
                  + "\"allocated_kwh\":\"4.500\",\"settled_kwh\":\"4.500\",\"price_per_kwh\":\"6.40\",\"amount\":\"28.80\"}")
              .getBytes(StandardCharsets.UTF_8);
      Instant t0 = Instant.parse("2026-02-11T06:00:00Z");
      int warmup = Math.min(2_000, appends / 5);
      for (int i = 0; i < warmup; i++) {
        log.append(new RecordEntry(RecordEntry.Kind.ALLOCATION, "w-" + i, "txn-" + i, json, t0));
      }
      long start = System.nanoTime();
      for (int i = 0; i < appends; i++) {
        log.append(
            new RecordEntry(
                RecordEntry.Kind.ALLOCATION,
                "a-" + i,
                "txn-" + (i % 1000),
                json,
                t0.plusSeconds(i)));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Ed25519KeyPair key = Ed25519KeyPair.generate();
      var head = new TreeHeadSigner(key, null, Clock.systemUTC()).sign(log);
      var report =
          new LogVerifier(key.publicKey()).verify(LogExport.of(log, java.util.List.of(head)));
      if (!report.ok()) {
        throw new IllegalStateException("the written log does not verify: " + report);
      }
      System.out.printf(
          "%d appends in %.2f s: %.0f appends/s, %.3f ms per append; log of %d entries verified%n",
          appends, seconds, appends / seconds, seconds * 1000 / appends, log.size());
    } finally {
      pool.dispose();
    }
  }

  private static void migrate(JdbcConnectionPool pool) throws Exception {
    String sql;
    try (InputStream in =
        JdbcAppendRate.class.getResourceAsStream("/db/migration/V2_0__audit_log.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }
}
