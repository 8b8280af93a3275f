package org.uei.p2p.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.uei.p2p.audit.MerkleLog;
import org.uei.p2p.audit.entry.Direction;
import org.uei.p2p.audit.entry.LogEntry;
import org.uei.p2p.audit.entry.RecordEntry;
import org.uei.p2p.audit.entry.SignedMessageEntry;
import org.uei.p2p.audit.sth.SignedTreeHead;
import org.uei.p2p.audit.sth.TreeHeadSigner;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.node.config.NodeIdentity;
import org.uei.p2p.node.jobs.NodeJob;
import org.uei.p2p.node.store.MessageStored;
import org.uei.p2p.node.store.StoredMessage;

/**
 * The node's audit log: an RFC 9162 Merkle log in the node database of every signed protocol
 * message it received or sent, and of the allocation and settlement records it makes, with tree
 * heads signed by the node's Ed25519 key.
 *
 * <p>Observing {@link MessageStored}, the transaction that stores a message also queues it for the
 * log; {@link AuditAppender} appends the queue in batches right after commit, and a node that
 * stopped in between appends what is left when it starts. So every stored message reaches the log,
 * in one batch transaction per many messages instead of a log lock held by every request to its
 * commit. Whatever reads or signs the log first appends what is queued ({@link #appendPending}).
 * Appends take a database row lock held to the end of their transaction, so writers (threads or
 * node instances) follow one another in commit order.
 */
@ApplicationScoped
public class AuditLog {

  /** The signature headers that cover a message body; header names as they go into the entry. */
  private static final List<String> SIGNATURE_HEADERS =
      List.of("Authorization", "X-Gateway-Authorization");

  @Inject AgroalDataSource dataSource;
  @Inject NodeIdentity identity;
  @Inject TransactionSynchronizationRegistry transactions;

  /** Messages appended per transaction when catching up. */
  static final int BATCH = 500;

  @Inject AuditAppender appender;
  @Inject AuditQuarantine quarantine;
  @Inject org.uei.p2p.node.store.SingletonJobs singletonJobs;

  private JdbcLogStore store;
  private PendingMessages pending;
  private volatile MerkleLog log;
  private volatile TreeHeadHistory heads;
  private volatile TreeHeadSigner signer;

  /** Queues every stored protocol message for the log, in the transaction that stored it. */
  void onMessageStored(@Observes MessageStored event) {
    StoredMessage m = event.message();
    pending().add(m.id);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              pending()
                  .committed(
                      new PendingMessages.Pending(
                          m.id,
                          m.direction.name(),
                          m.action,
                          m.transactionId,
                          m.messageId,
                          m.body,
                          m.headers,
                          m.createdAt));
              appender.signal();
            }
          }
        });
  }

  /**
   * Appends up to {@code max} queued messages, oldest first, in the caller's transaction (one is
   * started when there is none).
   *
   * @return how many were appended
   */
  @Transactional
  public int appendPending(int max) {
    // The lock first: a second appender then finds the queue as the first one left it.
    MerkleLog current = lockLog();
    List<PendingMessages.Pending> batch = pending().oldest(max);
    List<byte[]> entries = new ArrayList<>(batch.size());
    for (PendingMessages.Pending m : batch) {
      Direction direction = "IN".equals(m.direction()) ? Direction.IN : Direction.OUT;
      entries.add(
          SignedMessageEntry.of(
                  direction,
                  m.action(),
                  m.transactionId(),
                  m.messageId(),
                  m.body(),
                  signatureHeaders(m.headers()),
                  m.createdAt())
              .encode());
    }
    current.appendAll(entries);
    pending().remove(batch);
    return batch.size();
  }

  /**
   * Appends every message stored so far, batch by batch, each in a transaction of its own.
   *
   * @return the number of entries in the log afterwards
   */
  public long catchUp() {
    int done;
    do {
      try {
        done = QuarkusTransaction.requiringNew().call(() -> appendPending(BATCH));
      } catch (RuntimeException batchFailed) {
        done = appendOneByOne();
      }
    } while (done == BATCH);
    return size();
  }

  /**
   * After a batch failed: appends queued messages one at a time, each in its own transaction, and
   * quarantines a message that fails alone, so that one bad message cannot hold up the rest. A
   * storage failure also fails the quarantine and ends the pass; the next pass tries again.
   *
   * @return how many messages were appended or quarantined
   */
  private int appendOneByOne() {
    for (int i = 0; i < BATCH; i++) {
      List<PendingMessages.Pending> next =
          QuarkusTransaction.requiringNew().call(() -> pending().oldest(1));
      if (next.isEmpty()) {
        return i;
      }
      try {
        QuarkusTransaction.requiringNew().call(() -> appendPending(1));
      } catch (RuntimeException failed) {
        if (!aboutTheEntry(failed)) {
          throw failed;
        }
        quarantine.add(next.get(0).rowId(), String.valueOf(failed.getMessage()));
      }
    }
    return BATCH;
  }

  /**
   * Appends an allocation or settlement record, atomically with the caller's transaction (one is
   * started when there is none): if the caller rolls back, the record is not in the log. Build the
   * entry as {@code new RecordEntry(Kind.ALLOCATION or SETTLEMENT, recordId, transactionId or null,
   * jsonBytes, timestamp)} from the exact JSON the node stores or publishes. The append holds the
   * log's row lock until that transaction ends, so call it last in a long transaction.
   *
   * @return the record's index in the log
   */
  @Transactional
  public long appendRecord(RecordEntry record) {
    return append(record);
  }

  private long append(LogEntry entry) {
    return lockLog().append(entry);
  }

  /**
   * Takes the log's row lock for the rest of the transaction and returns the in-memory log to
   * append to; if the transaction rolls back, the in-memory log is rebuilt from the store.
   */
  private MerkleLog lockLog() {
    store().lockForAppend();
    MerkleLog current = log();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              // The in-memory frontier holds a leaf the database dropped: rebuild it from the
              // store.
              log = null;
            }
          }
        });
    return current;
  }

  /**
   * Whether a failure is the entry's own (it cannot be built, or the database refuses its data)
   * rather than the database's state (a lock wait, a deadlock, an outage), which the next pass
   * retries instead of quarantining a good message.
   */
  private static boolean aboutTheEntry(RuntimeException e) {
    var sql = org.uei.p2p.node.store.Causes.find(e, java.sql.SQLException.class);
    if (sql.isEmpty()) {
      return org.uei.p2p.node.store.Causes.find(e, org.uei.p2p.audit.store.LogStoreException.class)
          .isEmpty();
    }
    String state = sql.get().getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  /** Number of entries committed to the log. */
  public long size() {
    return store().size();
  }

  /**
   * The newest signed tree head, signing and storing a new one first if the log has grown since the
   * last (or none was ever signed).
   */
  public SignedTreeHead currentHead() {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      // Outside a transaction, catch up with the fallback that quarantines a bad message.
      catchUp();
    }
    return QuarkusTransaction.joiningExisting().call(this::signHead);
  }

  private SignedTreeHead signHead() {
    // The head covers every message stored before it was asked for. In the caller's transaction,
    // which may already hold the log's row lock (a record appended in it): a new transaction
    // would wait for that lock forever.
    while (appendPending(BATCH) == BATCH) {
      // more queued
    }
    // The log's row lock: one signer at a time across instances, and the size cannot move under it.
    lockLog();
    Optional<SignedTreeHead> latest = history().latest();
    if (latest.isPresent() && latest.get().treeSize() == size()) {
      return latest.get();
    }
    SignedTreeHead head = signer().sign(log());
    history().add(head);
    return head;
  }

  /**
   * Signs a new head when entries were appended since the last one, so heads keep up without
   * readers; in the instance that runs the singleton jobs only (a reader's request still signs a
   * head wherever it lands).
   */
  @NodeJob
  @Scheduled(
      every = "60s",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void signWhenGrown() {
    if (singletonJobs.runHere()) {
      currentHead();
    }
  }

  /** Every head signed so far that covers at most {@code maxSize} entries, oldest first. */
  public List<SignedTreeHead> headsUpTo(long maxSize) {
    return history().upTo(maxSize);
  }

  /** The Merkle log, for roots and proofs. */
  public MerkleLog merkleLog() {
    return log();
  }

  /** The database store, for range reads. */
  public JdbcLogStore store() {
    return store;
  }

  private PendingMessages pending() {
    return pending;
  }

  @PostConstruct
  void open() {
    store = new JdbcLogStore(dataSource);
    pending = new PendingMessages(dataSource);
  }

  private MerkleLog log() {
    MerkleLog l = log;
    if (l == null) {
      synchronized (this) {
        l = log;
        if (l == null) {
          l = new MerkleLog(store());
          log = l;
        }
      }
    }
    return l;
  }

  private TreeHeadHistory history() {
    TreeHeadHistory h = heads;
    if (h == null) {
      h = new TreeHeadHistory(dataSource, identity.keyPair().publicKey());
      heads = h;
    }
    return h;
  }

  private TreeHeadSigner signer() {
    TreeHeadSigner s = signer;
    if (s == null) {
      s =
          new TreeHeadSigner(
              identity.keyPair(),
              identity.subscriberId() + "|" + identity.keyId() + "|ed25519",
              Clock.systemUTC());
      signer = s;
    }
    return s;
  }

  /** Picks the signature headers out of the stored header JSON, under their canonical names. */
  static Map<String, String> signatureHeaders(String headersJson) {
    Map<String, String> out = new TreeMap<>();
    JsonNode all;
    try {
      all = BecknJson.mapper().readTree(headersJson);
    } catch (IOException e) {
      throw new IllegalStateException("stored message headers are not JSON: " + e.getMessage(), e);
    }
    all.properties()
        .iterator()
        .forEachRemaining(
            field -> {
              for (String name : SIGNATURE_HEADERS) {
                if (name.equalsIgnoreCase(field.getKey())) {
                  out.put(name, field.getValue().asText());
                }
              }
            });
    return out;
  }
}
