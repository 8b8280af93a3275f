package org.uei.p2p.registry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.uei.p2p.registry.SubscriberJson;

/**
 * DeDi-style credential revocation registries ({@code {namespace}/{registry}/{record}}, e.g. a
 * DISCOM's {@code vc-revocation-registry}): a record present means the credential with that id is
 * revoked. This is what the {@code dediregistry} status of an ElectricityCredential is checked
 * against. Persisted next to the subscribers when the registry has a data directory.
 */
final class CredentialRevocations {

  static final String FILE_NAME = "credential-revocations.json";

  private final Path file;
  private final Clock clock;
  private final ConcurrentSkipListMap<String, ObjectNode> records = new ConcurrentSkipListMap<>();

  CredentialRevocations(Path dataDir, Clock clock) {
    this.file = dataDir == null ? null : dataDir.resolve(FILE_NAME);
    this.clock = clock;
    if (file != null && Files.isRegularFile(file)) {
      try {
        SubscriberJson.MAPPER
            .readTree(file.toFile())
            .properties()
            .iterator()
            .forEachRemaining(e -> records.put(e.getKey(), (ObjectNode) e.getValue()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Records a revocation; returns the stored details. Revoking twice keeps the first record. */
  synchronized ObjectNode revoke(
      String namespace, String registry, String recordId, String reason, String purpose) {
    ObjectNode details = SubscriberJson.MAPPER.createObjectNode();
    details.put("record_id", recordId);
    details.put("status_purpose", purpose == null ? "revocation" : purpose);
    details.put("revoked_at", clock.instant().toString());
    if (reason != null) {
      details.put("reason", reason);
    }
    ObjectNode stored = records.putIfAbsent(key(namespace, registry, recordId), details);
    persist();
    return stored != null ? stored : details;
  }

  /** The DeDi reply for a record, when the credential is revoked. */
  Optional<JsonNode> lookup(String namespace, String registry, String recordId) {
    ObjectNode details = records.get(key(namespace, registry, recordId));
    if (details == null) {
      return Optional.empty();
    }
    ObjectNode reply = SubscriberJson.MAPPER.createObjectNode();
    reply.put("message", "Record retrieved from registry");
    ObjectNode data = reply.putObject("data");
    data.put("record_id", recordId);
    data.set("details", details.deepCopy());
    data.put("is_revoked", false);
    return Optional.of(reply);
  }

  private void persist() {
    if (file == null) {
      return;
    }
    ObjectNode all = SubscriberJson.MAPPER.createObjectNode();
    records.forEach(all::set);
    try {
      AtomicFiles.write(
          file, SubscriberJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String namespace, String registry, String recordId) {
    return namespace + "/" + registry + "/" + recordId;
  }
}
