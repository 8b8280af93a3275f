package org.uei.p2p.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A fixed list of subscribers, typically read from a JSON file, for closed pilots and tests.
 *
 * <p>The file holds an array of subscription records (or {@code {"subscribers": [...]}}) in any of
 * the field-name variants {@link SubscriberJson} reads.
 */
public final class StaticRegistry implements Registry {

  private final String name;
  private final List<Subscriber> subscribers;

  /** A registry answering from {@code subscribers}; {@code name} is used in messages. */
  public StaticRegistry(String name, List<Subscriber> subscribers) {
    this.name = name;
    this.subscribers = List.copyOf(subscribers);
  }

  /**
   * Reads the subscribers from a JSON file.
   *
   * @throws IllegalArgumentException with a one-line message naming the file when it is missing or
   *     malformed
   */
  public static StaticRegistry fromFile(Path file) {
    return new StaticRegistry(file.toString(), readFile(file));
  }

  /** Reads a subscribers file; messages name the file and the bad record. */
  public static List<Subscriber> readFile(Path file) {
    try {
      return SubscriberJson.readList(SubscriberJson.MAPPER.readTree(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("subscribers file " + file + " does not exist", e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "subscribers file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read subscribers file " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("subscribers file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Subscriber> lookup(LookupQuery query) {
    return subscribers.stream().filter(query::matches).toList();
  }

  @Override
  public String name() {
    return name;
  }
}
