package org.uei.p2p.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pre-built requests handed out once each, in order, to the load threads. A wrapping pool starts
 * over at the end: fine for a target that keeps no state, never for the node, which refuses a
 * message id it has seen.
 */
final class RequestPool {

  private final List<PreparedRequest> requests;
  private final boolean wrap;
  private final AtomicInteger next = new AtomicInteger();

  RequestPool(List<PreparedRequest> requests, boolean wrap) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("no requests");
    }
    this.requests = List.copyOf(requests);
    this.wrap = wrap;
  }

  /** The next request, or null when a non-wrapping pool is used up. */
  PreparedRequest take() {
    int i = next.getAndIncrement();
    if (i >= requests.size()) {
      if (!wrap) {
        return null;
      }
      i = Math.floorMod(i, requests.size());
    }
    return requests.get(i);
  }

  /** How many requests were handed out (for a wrapping pool, counting every lap). */
  int taken() {
    return Math.min(next.get(), wrap ? Integer.MAX_VALUE : requests.size());
  }

  int size() {
    return requests.size();
  }
}
