package org.uei.p2p.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingDemoTest {

  @Test
  void receiverAcceptsTheSignedSelectAndRefusesTamperedInvalidAndUnknownSigner() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<EmbeddingDemo.Outcome> outcomes =
        EmbeddingDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertEquals(4, outcomes.size());
    assertEquals(
        List.of(200, 401, 400, 401), outcomes.stream().map(EmbeddingDemo.Outcome::status).toList());
    assertEquals("ACK", outcomes.get(0).answer());
    assertTrue(outcomes.get(1).answer().contains("BAD_SIGNATURE"), outcomes.get(1).answer());
    assertTrue(
        outcomes.get(2).answer().contains("beckn:orderItems[0].beckn:quantity.unitQuantity"),
        outcomes.get(2).answer());
    assertTrue(outcomes.get(3).answer().contains("UNKNOWN_KEY"), outcomes.get(3).answer());
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("the seller accepted 1 message(s)"), text);
    assertTrue(text.contains("every request got the expected answer"), text);
  }
}
