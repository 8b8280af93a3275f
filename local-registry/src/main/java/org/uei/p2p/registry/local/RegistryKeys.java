package org.uei.p2p.registry.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uei.p2p.registry.SubscriberJson;
import org.uei.p2p.signing.keys.X25519KeyPair;

/**
 * The local registry's own encryption key, with which it encrypts {@code on_subscribe}
 * challenges. Kept in the data directory so that subscribers configured with the registry's
 * public key keep working across restarts.
 */
final class RegistryKeys {

  static final String FILE_NAME = "registry-keys.json";

  private RegistryKeys() {}

  /** Loads the key from {@code dataDir}, or creates and stores one; {@code null} dir gives a fresh key. */
  static X25519KeyPair loadOrCreate(Path dataDir) {
    if (dataDir == null) {
      return X25519KeyPair.generate();
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      try {
        JsonNode n = SubscriberJson.MAPPER.readTree(Files.readAllBytes(file));
        return X25519KeyPair.fromPrivateKeyBase64(n.path("encr_private_key").asText());
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("registry key file " + file + " is unreadable: " + e.getMessage(), e);
      }
    }
    X25519KeyPair key = X25519KeyPair.generate();
    byte[] json = ("{\"encr_private_key\":\"" + key.privateKeyBase64() + "\",\"encr_public_key\":\""
        + key.publicKeyBase64() + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    AtomicFiles.write(file, json);
    return key;
  }
}
