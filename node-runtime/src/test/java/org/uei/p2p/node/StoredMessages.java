package org.uei.p2p.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.uei.p2p.node.store.MessageStored;

/** Records the store events, as an audit log would observe them. */
@ApplicationScoped
public class StoredMessages {

  private final List<Long> ids = new CopyOnWriteArrayList<>();

  void onStored(@Observes MessageStored event) {
    ids.add(event.message().id);
  }

  /** Ids of every stored message seen so far. */
  public List<Long> ids() {
    return List.copyOf(ids);
  }
}
