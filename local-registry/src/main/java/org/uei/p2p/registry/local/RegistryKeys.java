package org.uei.p2p.registry.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.X25519KeyPair;

/**
 * The local registry's own keys: X25519 to encrypt {@code on_subscribe} challenges and Ed25519 to
 * sign those requests. Kept in the data directory so that subscribers configured with the
 * registry's public keys keep working across restarts.
 *
 * @param encryption the challenge encryption key pair
 * @param signing the key pair that signs requests the registry sends
 */
record RegistryKeys(X25519KeyPair encryption, Ed25519KeyPair signing) {

  static final String FILE_NAME = "registry-keys.json";

  /**
   * Loads the keys from {@code dataDir}, creating and storing what is missing; {@code null} dir
   * gives fresh keys.
   */
  static RegistryKeys loadOrCreate(Path dataDir) {
    if (dataDir == null) {
      return new RegistryKeys(X25519KeyPair.generate(), Ed25519KeyPair.generate());
    }
    Path file = dataDir.resolve(FILE_NAME);
    JsonNode stored = SubscriberJson.MAPPER.createObjectNode();
    if (Files.exists(file)) {
      try {
        stored = SubscriberJson.MAPPER.readTree(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "registry key file " + file + " is unreadable: " + e.getMessage(), e);
      }
    }
    try {
      X25519KeyPair encryption =
          stored.hasNonNull("encr_private_key")
              ? X25519KeyPair.fromPrivateKeyBase64(stored.get("encr_private_key").asText())
              : X25519KeyPair.generate();
      Ed25519KeyPair signing =
          stored.hasNonNull("signing_private_key")
              ? Ed25519KeyPair.fromPrivateKeyBase64(stored.get("signing_private_key").asText())
              : Ed25519KeyPair.generate();
      if (!stored.hasNonNull("encr_private_key") || !stored.hasNonNull("signing_private_key")) {
        ObjectNode o =
            SubscriberJson.MAPPER
                .createObjectNode()
                .put("encr_private_key", encryption.privateKeyBase64())
                .put("encr_public_key", encryption.publicKeyBase64())
                .put("signing_private_key", signing.seedBase64())
                .put("signing_public_key", signing.publicKeyBase64());
        AtomicFiles.write(
            file, SubscriberJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
      }
      return new RegistryKeys(encryption, signing);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "registry key file " + file + " holds an unusable key: " + e.getMessage(), e);
    }
  }
}
