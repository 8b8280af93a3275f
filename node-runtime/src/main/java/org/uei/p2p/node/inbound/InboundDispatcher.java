package org.uei.p2p.node.inbound;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.node.config.NodeConfig;
import org.uei.p2p.node.handler.BecknHandler;
import org.uei.p2p.node.handler.InboundMessage;
import org.uei.p2p.node.store.GroupWriter;
import org.uei.p2p.node.store.MessageStore;
import org.uei.p2p.node.store.StoredMessage;
import org.uei.p2p.node.wire.WireEnvelope;
import org.uei.p2p.node.wire.WireReader;
import org.uei.p2p.node.wire.Wires;

/**
 * Hands ACKed messages to the node's handler off the request thread, and at start-up hands over
 * stored messages whose handling a crash interrupted.
 *
 * <p>Messages are marked handled in groups ({@link GroupWriter}, one update per few milliseconds of
 * finished handlers) instead of one transaction each. A node that dies between a handler's end and
 * its mark handles that message again at start-up, as it would if it died just before the mark;
 * handlers treat a resumed message as a repeat.
 */
@ApplicationScoped
public class InboundDispatcher {

  @Inject BecknHandler handler;
  @Inject MessageStore store;
  @Inject WorkBacklog backlog;
  @Inject NodeConfig config;

  private final GroupWriter<Long> handled =
      new GroupWriter<>(
          "uei-handled-marks", 1000, Duration.ofMillis(20), ids -> store.markHandled(ids));

  private final AtomicInteger threadNumber = new AtomicInteger();
  // Handlers mostly wait for a group commit of their callbacks: more threads make larger groups.
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          Math.max(8, Runtime.getRuntime().availableProcessors() * 4),
          r -> {
            Thread t = new Thread(r, "uei-handler-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  /** Runs the handler for {@code message} asynchronously. */
  public void dispatch(InboundMessage message) {
    backlog.execute(executor, () -> run(message));
  }

  private void run(InboundMessage message) {
    try {
      handler.handle(message);
    } catch (Exception e) {
      // A handler that throws will throw again on the same message: marking it handled keeps it
      // from being resumed at every start. Only a process that dies mid-handling leaves it open.
      Log.errorf(
          e,
          "handling %s %s of transaction %s failed",
          message.actionName(),
          message.wireContext().messageId(),
          message.wireContext().transactionId());
    }
    if (message.storedId() != null) {
      handled.add(message.storedId());
    }
  }

  void recover(@Observes StartupEvent event) {
    WireReader reader = new WireReader(Wires.parse(config.wire()), handler::accepts);
    executor.execute(
        () -> {
          try {
            for (StoredMessage m :
                store.unhandledInbound(Instant.now().minus(Duration.ofSeconds(1)))) {
              WireEnvelope parsed;
              try {
                parsed = reader.read(m.body, m.action);
              } catch (MessageParseException e) {
                // Stored under other settings (a wire or action since switched off): leave it
                // stored.
                Log.warnf("not resuming %s %s: %s", m.action, m.messageId, e.error().getMessage());
                continue;
              }
              Log.infof("resuming %s %s stored before the last stop", m.action, m.messageId);
              run(new InboundMessage(m.id, parsed, m.senderId, m.createdAt));
            }
          } catch (Exception e) {
            Log.error("could not resume unhandled messages", e);
          }
        });
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
    handled.close();
  }
}
