package org.uei.p2p.node.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.uei.p2p.node.config.InstanceId;

/**
 * Runs of once-per-period jobs (table {@code node_job_run}), such as the settlement of a delivery
 * day: any instance records a run as due when its trigger fires; the instance elected by {@link
 * SingletonJobs} does the due runs. A run is marked done in the transaction that does its work, by
 * a conditional update that locks its row first, so it is done exactly once whichever instances
 * asked for it and however often; a holder that dies mid-run leaves it due for the next holder.
 */
@ApplicationScoped
public class JobRuns {

  /**
   * One run.
   *
   * @param job the job's name
   * @param key the period it is for, e.g. a delivery day
   * @param done whether it was done
   * @param doneBy the instance that did it
   * @param doneAt when
   */
  public record Run(String job, String key, boolean done, String doneBy, Instant doneAt) {}

  private static final String DUE = "DUE";
  private static final String DONE = "DONE";

  @Inject AgroalDataSource dataSource;
  @Inject InstanceId instance;

  /** Records that {@code job} is due for {@code key}, unless that run is known already. */
  public void markDue(String job, String key) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  update(
                      "INSERT INTO node_job_run (job, run_key, status, due_at)"
                          + " SELECT CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(100)), ?, ?"
                          + " WHERE NOT EXISTS"
                          + " (SELECT 1 FROM node_job_run WHERE job = ? AND run_key = ?)",
                      job,
                      key,
                      DUE,
                      Lease.utc(Instant.now()),
                      job,
                      key));
    } catch (RuntimeException e) {
      if (!Causes.isConstraintViolation(e)) {
        throw e;
      }
      // another instance recorded it at the same moment
    }
  }

  /**
   * Does every due run of {@code job}, oldest first, each in a transaction of its own that {@code
   * work} joins; a run whose work fails stays due.
   *
   * @return the keys done by this call
   */
  public List<String> runDue(String job, Consumer<String> work) {
    List<String> done = new ArrayList<>();
    for (Run due : runs(job)) {
      if (due.done()) {
        continue;
      }
      try {
        boolean mine =
            QuarkusTransaction.requiringNew()
                .timeout(3600)
                .call(
                    () -> {
                      int claimed =
                          update(
                              "UPDATE node_job_run SET status = ?, done_at = ?, done_by = ?"
                                  + " WHERE job = ? AND run_key = ? AND status = ?",
                              DONE,
                              Lease.utc(Instant.now()),
                              instance.value(),
                              job,
                              due.key(),
                              DUE);
                      if (claimed != 1) {
                        return false;
                      }
                      work.accept(due.key());
                      return true;
                    });
        if (mine) {
          done.add(due.key());
        }
      } catch (RuntimeException e) {
        Log.errorf(e, "%s %s failed; it stays due", job, due.key());
      }
    }
    return done;
  }

  /** Every known run of {@code job}, by key. */
  public List<Run> runs(String job) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = dataSource.getConnection();
                  PreparedStatement s =
                      c.prepareStatement(
                          "SELECT run_key, status, done_by, done_at FROM node_job_run"
                              + " WHERE job = ? ORDER BY run_key")) {
                s.setString(1, job);
                List<Run> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    OffsetDateTime at = r.getObject(4, OffsetDateTime.class);
                    out.add(
                        new Run(
                            job,
                            r.getString(1),
                            DONE.equals(r.getString(2)),
                            r.getString(3),
                            at == null ? null : at.toInstant()));
                  }
                }
                return out;
              }
            });
  }

  private int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
