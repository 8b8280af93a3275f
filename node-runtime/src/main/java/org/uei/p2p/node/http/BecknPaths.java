package org.uei.p2p.node.http;

import java.util.Set;

/**
 * Which request paths are the node's Beckn endpoints ({@code POST /{action}}) as far as refusals
 * go: every path outside the node's own JSON APIs. A Beckn sender gets a NACK for anything it gets
 * wrong there, including a wrong method or path; the APIs answer {@code {"error": …}}.
 */
public final class BecknPaths {

  /** First path segments of the node's own APIs and Quarkus's endpoints. */
  private static final Set<String> API_ROOTS =
      Set.of("client", "provider", "utility", "ledger", "audit", "testing", "q", "console");

  private BecknPaths() {}

  /** True when {@code path} (starting with {@code /}) is not under one of the node's own APIs. */
  public static boolean isBecknPath(String path) {
    if (path == null) {
      return true;
    }
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    int slash = p.indexOf('/');
    String first = slash < 0 ? p : p.substring(0, slash);
    return !API_ROOTS.contains(first);
  }
}
