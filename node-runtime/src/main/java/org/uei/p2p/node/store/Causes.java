package org.uei.p2p.node.store;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;

/** Looks through an exception's causes: the one place that walks a cause chain. */
public final class Causes {

  private Causes() {}

  /** The first throwable in {@code e}'s cause chain (itself included) that is a {@code type}. */
  public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  /**
   * True when {@code e} was caused by a unique, primary-key or check constraint: the database
   * refusing a write that lost a race, which callers turn into the answer the winner implies.
   */
  public static boolean isConstraintViolation(Throwable e) {
    if (find(e, org.hibernate.exception.ConstraintViolationException.class).isPresent()
        || find(e, SQLIntegrityConstraintViolationException.class).isPresent()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
