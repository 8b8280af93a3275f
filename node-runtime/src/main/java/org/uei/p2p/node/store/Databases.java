package org.uei.p2p.node.store;

import java.sql.Connection;
import java.sql.SQLException;

/** What a node needs to know of the database it was given. */
public final class Databases {

  private Databases() {}

  /**
   * Whether {@code connection} is to H2, which one process owns and which writes a chunk of its
   * file per commit; otherwise it is a shared database (PostgreSQL).
   */
  public static boolean isH2(Connection connection) throws SQLException {
    return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
  }
}
