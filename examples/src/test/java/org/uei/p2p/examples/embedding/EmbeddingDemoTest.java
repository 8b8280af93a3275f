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
  void receiverAcceptsSignedRequestsOfBothWiresAndRefusesTamperedInvalidAndUnknownSigner()
      throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<EmbeddingDemo.Outcome> outcomes =
        EmbeddingDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    String text = printed.toString(StandardCharsets.UTF_8);
    assertEquals(7, outcomes.size(), text);
    assertEquals(
        List.of(200, 401, 400, 401, 200, 401, 400),
        outcomes.stream().map(EmbeddingDemo.Outcome::status).toList(),
        text);
    assertEquals("ACK", outcomes.get(0).answer());
    assertTrue(outcomes.get(1).answer().contains("BAD_SIGNATURE"), outcomes.get(1).answer());
    assertTrue(
        outcomes.get(2).answer().contains("beckn:orderItems[0].beckn:quantity.unitQuantity"),
        outcomes.get(2).answer());
    assertTrue(outcomes.get(3).answer().contains("UNKNOWN_KEY"), outcomes.get(3).answer());
    // Wave 2: the init's DRAFT contract is accepted; the same checks refuse the rest.
    assertEquals("ACK", outcomes.get(4).answer());
    assertTrue(outcomes.get(5).answer().contains("BAD_SIGNATURE"), outcomes.get(5).answer());
    assertTrue(outcomes.get(6).answer().contains("roles"), outcomes.get(6).answer());
    assertTrue(text.contains("the wave-2 seller accepted 1 contract(s): DRAFT"), text);
    assertTrue(text.contains("the seller accepted 1 message(s)"), text);
    assertTrue(text.contains("every request got the expected answer"), text);
  }
}
