package org.uei.p2p.node.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The replay guard in table {@code replay_guard}, keyed by its primary key. */
@ApplicationScoped
public class JpaReplayGuard implements ReplayGuard {

  @Override
  public boolean seen(Key key, Instant at) {
    ReplayGuardEntry existing = ReplayGuardEntry.findById(entryKey(key));
    return existing != null && existing.expiresAt.isAfter(at);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean claim(Key key, Instant at, Instant expiresAt) {
    ReplayGuardEntry.Key k = entryKey(key);
    ReplayGuardEntry existing = ReplayGuardEntry.findById(k);
    if (existing != null) {
      if (existing.expiresAt.isAfter(at)) {
        return false;
      }
      existing.delete();
      ReplayGuardEntry.getEntityManager().flush();
    }
    ReplayGuardEntry e = new ReplayGuardEntry();
    e.key = k;
    e.expiresAt = expiresAt;
    e.persist();
    ReplayGuardEntry.getEntityManager().flush();
    return true;
  }

  private static ReplayGuardEntry.Key entryKey(Key key) {
    return new ReplayGuardEntry.Key(key.senderId(), key.messageId(), key.action());
  }
}
