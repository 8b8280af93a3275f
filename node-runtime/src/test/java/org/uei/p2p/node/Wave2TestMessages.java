package org.uei.p2p.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.uei.p2p.model.envelope.MessageParseException;
import org.uei.p2p.model.wave2.Wave2Action;
import org.uei.p2p.model.wave2.Wave2Contexts;
import org.uei.p2p.model.wave2.Wave2Envelope;
import org.uei.p2p.model.wave2.Wave2Message;

/**
 * Wave-2 messages for tests: the message of the project's own fixtures under {@code /wave2/} with a
 * fresh context (new ids, timestamp now) between the given parties.
 */
public final class Wave2TestMessages {

  /** The IES test network. */
  public static final String NETWORK = "indiaenergystack.in/test-ies-p2p-trading-network";

  private Wave2TestMessages() {}

  /** The fixture {@code /wave2/<name>.json}. */
  public static Wave2Envelope fixture(String name) {
    try (InputStream in = Wave2TestMessages.class.getResourceAsStream("/wave2/" + name + ".json")) {
      return Wave2Envelope.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessageParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh {@code action} request between {@code parties} carrying the fixture's message. */
  public static Wave2Envelope request(
      Wave2Action action, String fixture, Wave2Contexts.Parties parties) {
    return request(action, fixture, parties, m -> {});
  }

  /**
   * As {@link #request(Wave2Action, String, Wave2Contexts.Parties)}, the message changed by {@code
   * edit}.
   */
  public static Wave2Envelope request(
      Wave2Action action,
      String fixture,
      Wave2Contexts.Parties parties,
      Consumer<ObjectNode> edit) {
    Wave2Envelope f = fixture(fixture);
    ObjectNode context =
        Wave2Contexts.newRequest(
            action,
            parties,
            null,
            Duration.ofSeconds(30),
            f.context().schemaContext(),
            Clock.systemUTC());
    ObjectNode message = f.message().toJson();
    edit.accept(message);
    return Wave2Envelope.of(context, Wave2Message.of(message));
  }
}
