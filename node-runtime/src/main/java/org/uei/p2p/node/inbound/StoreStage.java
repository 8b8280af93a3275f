package org.uei.p2p.node.inbound;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.uei.p2p.node.handler.InboundRejection;
import org.uei.p2p.node.store.GroupWriter;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.store.ReplayGuard;

/**
 * Stores the raw message with its replay-guard row; the ACK is sent only after they commit. The
 * messages of concurrent requests commit together, in one transaction per group (a group commit:
 * while one group commits, the next gathers), and each request waits for its group. A group that
 * fails is retried one message per transaction ({@link GroupWriter}), so that one message cannot
 * fail another.
 */
@ApplicationScoped
public class StoreStage implements InboundStage {

  @Inject MessageStore store;
  @Inject ReplayGuard guard;

  private final GroupWriter<Pending> groups =
      new GroupWriter<>(
          "uei-inbound-commits", 100, Duration.ZERO, this::commit, StoreStage::failed);

  /** A message waiting for its group's commit: the stored row id, or the refusal. */
  private record Pending(InboundExchange exchange, CompletableFuture<Long> stored) {}

  @Override
  public void apply(InboundExchange exchange) throws InboundRejection {
    Pending p = new Pending(exchange, new CompletableFuture<>());
    groups.add(p);
    try {
      exchange.storedId(p.stored().join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof InboundRejection r) {
        throw r;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void commit(List<Pending> group) {
    // A copy in the same group must read the key its original has just written, not collide with
    // it and fail the whole group.
    java.util.Set<ReplayGuard.Key> keys = new java.util.HashSet<>();
    List<Object> outcomes =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    group.stream()
                        .map(
                            p -> {
                              InboundExchange x = p.exchange();
                              ReplayGuard.Key key = ReplayStage.key(x);
                              if (!guard.claim(
                                  key,
                                  x.receivedAt(),
                                  ReplayStage.expiry(x),
                                  keys.add(key) ? x.replayLookUp() : null)) {
                                return (Object) ReplayStage.replayed(x);
                              }
                              return (Object)
                                  store.saveInbound(
                                      x.endpoint(),
                                      x.wireContext(),
                                      x.contextSender(),
                                      x.headers(),
                                      x.body(),
                                      x.receivedAt());
                            })
                        .toList());
    for (int i = 0; i < group.size(); i++) {
      if (outcomes.get(i) instanceof InboundRejection r) {
        group.get(i).stored().completeExceptionally(r);
      } else {
        group.get(i).stored().complete((Long) outcomes.get(i));
      }
    }
  }

  private static void failed(Pending p, RuntimeException e) {
    // A key collision on its own: a concurrent copy, stored by another node instance, won the key.
    p.stored()
        .completeExceptionally(
            org.uei.p2p.node.store.Causes.isConstraintViolation(e)
                ? ReplayStage.replayed(p.exchange())
                : e);
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    groups.close();
  }

  @Override
  public String name() {
    return "store";
  }
}
