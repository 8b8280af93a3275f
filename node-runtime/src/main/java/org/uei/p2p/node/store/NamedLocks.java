package org.uei.p2p.node.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * Database locks by name (table {@code node_lock}): work that must not run twice at once holds one,
 * whichever instance of the node runs it, where a JVM lock would only hold inside one process. A
 * lock is a row lock, released when its transaction ends.
 */
@ApplicationScoped
public class NamedLocks {

  @Inject AgroalDataSource dataSource;

  /** Locks {@code name} until the caller's transaction ends; waits while another holder has it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(String name) {
    create(name);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT name FROM node_lock WHERE name = ? FOR UPDATE")) {
      s.setString(1, name);
      s.executeQuery().close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the lock '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} outside any transaction while holding {@code name} in a transaction of its
   * own, for work that opens its own transactions (or none) as it goes.
   */
  public <T> T holding(String name, Callable<T> work) {
    return QuarkusTransaction.requiringNew()
        .timeout(3600)
        .call(
            () -> {
              lock(name);
              return QuarkusTransaction.suspendingExisting().call(work);
            });
  }

  /** Creates the lock's row if it is missing; another instance creating it at once is fine. */
  private void create(String name) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                try (Connection c = dataSource.getConnection();
                    PreparedStatement s =
                        c.prepareStatement(
                            "INSERT INTO node_lock (name) SELECT CAST(? AS VARCHAR(100))"
                                + " WHERE NOT EXISTS (SELECT 1 FROM node_lock WHERE name = ?)")) {
                  s.setString(1, name);
                  s.setString(2, name);
                  s.executeUpdate();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
    } catch (RuntimeException e) {
      if (!Causes.isConstraintViolation(e)) {
        throw e;
      }
    }
  }
}
