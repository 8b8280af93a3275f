package org.uei.p2p.node.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uei.p2p.model.json.BecknJson;
import org.uei.p2p.signing.BecknSigner;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

/**
 * Who this node is on the network: subscriber id, key, domain and public URL, read once from {@link
 * NodeConfig}. Callers ask here rather than reading the config so that the key file is parsed once
 * and a missing value fails at start-up, not at the first message.
 */
@ApplicationScoped
public class NodeIdentity {

  private final String subscriberId;
  private final String keyId;
  private final String domain;
  private final String publicUrl;
  private final Ed25519KeyPair keyPair;
  private final BecknSigner signer;

  @Inject
  public NodeIdentity(NodeConfig config) {
    String missing = MissingConfiguration.message(config);
    if (missing != null) {
      throw new IllegalStateException(missing);
    }
    this.subscriberId = config.subscriberId().orElseThrow();
    this.keyId = config.keyId().orElseThrow();
    this.domain = config.domain().orElseThrow();
    this.publicUrl = stripTrailingSlash(config.publicUrl().orElseThrow());
    this.keyPair = Ed25519KeyPair.fromPrivateKeyBase64(readPrivateKey(config));
    this.signer = BecknSigner.of(subscriberId, keyId, keyPair);
  }

  private static String readPrivateKey(NodeConfig config) {
    if (config.privateKey().isPresent()) {
      return config.privateKey().get().trim();
    }
    Path file = Path.of(config.privateKeyFile().orElseThrow());
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read uei.private-key-file " + file + ": " + e.getMessage(), e);
    }
    if (!text.startsWith("{")) {
      return text;
    }
    // The JSON that `uei keygen --out FILE` writes.
    try {
      String key = BecknJson.mapper().readTree(text).path("signing_private_key").asText("");
      if (key.isEmpty()) {
        throw new IllegalStateException(
            "uei.private-key-file " + file + " has no signing_private_key");
      }
      return key;
    } catch (IOException e) {
      throw new IllegalStateException(
          "uei.private-key-file " + file + " is neither base64 nor JSON: " + e.getMessage(), e);
    }
  }

  static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The subscriber id ({@code bap_id} or {@code bpp_id}). */
  public String subscriberId() {
    return subscriberId;
  }

  /** The unique key id of the signing key. */
  public String keyId() {
    return keyId;
  }

  /** The network domain. */
  public String domain() {
    return domain;
  }

  /** The public base URL without trailing slash ({@code bap_uri} or {@code bpp_uri}). */
  public String publicUrl() {
    return publicUrl;
  }

  /** Base64 of the raw public key, as published in the registry. */
  public String publicKeyBase64() {
    return keyPair.publicKeyBase64();
  }

  /** The node's Ed25519 key pair, for signatures other than message headers (audit tree heads). */
  public Ed25519KeyPair keyPair() {
    return keyPair;
  }

  /** Signs this node's outgoing messages. */
  public BecknSigner signer() {
    return signer;
  }
}
