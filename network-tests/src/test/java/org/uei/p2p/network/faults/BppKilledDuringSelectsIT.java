package org.uei.p2p.network.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uei.p2p.conformance.http.Inbound;
import org.uei.p2p.model.envelope.Action;
import org.uei.p2p.model.envelope.Message;
import org.uei.p2p.network.Await;
import org.uei.p2p.network.LocalNetwork;
import org.uei.p2p.network.TradeFlow;

/**
 * {@code kill -9} of the bpp-node while buyers keep selecting, then a restart on the same data
 * directory.
 *
 * <p>A quote has nothing to write but its callback, so the node sends the on_select at once and
 * writes its outbox row afterwards, with the attempt's outcome; until that row commits, the stored
 * select stands for it and is not marked handled. So after the restart every ACKed select is
 * answered by an on_select with a quote, is stored and marked handled, and has a delivered row in
 * the outbox, whether the kill fell before the send, between the send and the row, or after both.
 */
class BppKilledDuringSelectsIT {

  private static final int BUYERS = 12;
  // Killed once this many on_selects arrived, with up to BUYERS selects on their way, in handling
  // or in the outbox's hands.
  private static final int KILL_AFTER_ANSWERS = 150;

  @Test
  void afterKillAndRestartEveryAckedSelectIsAnsweredStoredAndHandled() throws Exception {
    Path dir =
        Path.of("target", "faults-bpp-kill-selects-" + System.currentTimeMillis()).toAbsolutePath();
    try (LocalNetwork net = LocalNetwork.start(dir, Map.of("UEI_OUTBOX_LEASE", "PT3S"), Map.of());
        StandInBap buyer = StandInBap.register(net, "bap.select-crash.local")) {
      buyer.listen();
      Message order = buyer.order(new TradeFlow(net).publishOffer("6.00", 50), BigDecimal.ONE);

      List<StandInBap.Sent> sent =
          buyer.sendUntilSellerKilled(
              BUYERS,
              KILL_AFTER_ANSWERS,
              i -> buyer.send(Action.SELECT, order, null, Duration.ofMinutes(5)));
      List<StandInBap.Sent> acked = sent.stream().filter(s -> s.answer().isAck()).toList();
      long unfinished =
          acked.stream().filter(s -> buyer.callbacks(s.messageId()).isEmpty()).count();
      long unanswered = sent.stream().filter(s -> s.answer().status() == 0).count();
      assertTrue(
          unanswered + unfinished > 0,
          "the kill cut work off: selects without answer or on_select");

      net.bpp().start(Duration.ofSeconds(90));
      Await.until(
          () -> acked.stream().allMatch(s -> !buyer.callbacks(s.messageId()).isEmpty()),
          Duration.ofSeconds(60),
          "an on_select for every ACKed select after the restart");
      for (StandInBap.Sent s : acked) {
        for (Inbound cb : buyer.callbacks(s.messageId())) {
          assertEquals("on_select", cb.action());
          assertTrue(
              cb.tree().path("message").path("order").has("beckn:orderValue")
                  && !cb.tree().has("error"),
              "on_select for " + s.messageId() + " carries a quote: " + cb.tree());
        }
      }

      // A graceful stop writes the outcomes still queued.
      net.bpp().stop();
      Path data = dir.resolve("bpp-data");
      for (StandInBap.Sent s : acked) {
        assertEquals(
            1,
            NodeDatabase.count(
                data,
                "SELECT COUNT(*) FROM beckn_message WHERE direction = 'IN' AND action = 'select'"
                    + " AND message_id = ? AND handled_at IS NOT NULL",
                s.messageId()),
            "ACKed select " + s.messageId() + " is stored and handled");
        assertTrue(
            NodeDatabase.count(
                    data,
                    "SELECT COUNT(*) FROM callback_outbox WHERE action = 'on_select'"
                        + " AND message_id = ? AND status = 'DELIVERED'",
                    s.messageId())
                >= 1,
            "ACKed select " + s.messageId() + " has a delivered on_select in the outbox");
      }
      long answered = sent.stream().filter(s -> !buyer.callbacks(s.messageId()).isEmpty()).count();
      System.out.printf(
          "%d selects: %d ACKed (%d without on_select at the kill), %d without answer at the kill;"
              + " %d duplicate on_selects%n",
          sent.size(), acked.size(), unfinished, unanswered, buyer.received().size() - answered);
    }
  }
}
