package org.uei.p2p.node.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit queue hands out kept messages as the rows read back, reads the others by key, and keeps
 * no more than its byte budget, dropping what left the queue without its append.
 */
class PendingMessagesTest {

  private JdbcConnectionPool pool;
  private PendingMessages queue;

  @BeforeEach
  void open() throws Exception {
    pool = JdbcConnectionPool.create("jdbc:h2:mem:pending-" + System.nanoTime(), "sa", "");
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE beckn_message (id BIGINT PRIMARY KEY, direction VARCHAR(3),"
              + " action VARCHAR(32), transaction_id VARCHAR(255), message_id VARCHAR(255),"
              + " body BYTEA, headers VARCHAR(16000), created_at TIMESTAMP WITH TIME ZONE)");
      s.execute("CREATE TABLE audit_pending (beckn_message_id BIGINT PRIMARY KEY)");
    }
    queue = new PendingMessages(pool);
  }

  @AfterEach
  void close() {
    pool.dispose();
  }

  private PendingMessages.Pending store(long id, String body) throws Exception {
    PendingMessages.Pending p =
        new PendingMessages.Pending(
            id,
            "IN",
            "select",
            "txn-" + id,
            "msg-" + id,
            body.getBytes(StandardCharsets.UTF_8),
            "{}",
            Instant.parse("2026-02-11T06:00:00.123456Z"));
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("INSERT INTO beckn_message VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, p.direction());
      s.setString(3, p.action());
      s.setString(4, p.transactionId());
      s.setString(5, p.messageId());
      s.setBytes(6, p.body());
      s.setString(7, p.headers());
      s.setObject(8, p.createdAt().atOffset(java.time.ZoneOffset.UTC));
      s.executeUpdate();
    }
    queue.add(id);
    return p;
  }

  @Test
  void keptAndReadBackMessagesAreTheSame() throws Exception {
    PendingMessages.Pending kept = store(1, "kept");
    queue.committed(kept);
    store(2, "not kept");
    List<PendingMessages.Pending> oldest = queue.oldest(10);
    assertEquals(2, oldest.size());
    assertEquals(kept, oldest.get(0), "the kept one, as it was");
    assertArrayEquals("not kept".getBytes(StandardCharsets.UTF_8), oldest.get(1).body());
    assertEquals(Instant.parse("2026-02-11T06:00:00.123456Z"), oldest.get(1).createdAt());
    assertEquals(1, queue.keptCount());
    queue.remove(oldest);
    assertEquals(0, queue.keptCount(), "appended: forgotten");
    assertEquals(List.of(), queue.oldest(10));
  }

  @Test
  void keepsNoMoreThanItsBudgetAndDropsWhatLeftTheQueue() throws Exception {
    String big = "x".repeat((int) (PendingMessages.RECENT_BYTES / 3));
    for (long id = 1; id <= 4; id++) {
      queue.committed(store(id, big));
    }
    assertEquals(2, queue.keptCount(), "two bodies of a third of the budget, not more");
    // Messages 1 and 2 left the queue by another instance's append.
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM audit_pending WHERE beckn_message_id IN (1, 2)");
    }
    assertEquals(List.of(3L, 4L), queue.oldest(10).stream().map(p -> p.rowId()).toList());
    assertEquals(0, queue.keptCount(), "what left the queue is dropped");
    queue.committed(store(5, big));
    assertEquals(1, queue.keptCount(), "and its budget is free again");
  }
}
