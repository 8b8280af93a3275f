package org.uei.p2p.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.signing.keys.Ed25519KeyPair;

class NodeIdentityTest {

  /** A NodeConfig answering the given top-level values; every other optional value is absent. */
  private static NodeConfig config(Map<String, String> values) {
    NodeConfig.RegistryConfig registry =
        (NodeConfig.RegistryConfig)
            Proxy.newProxyInstance(
                NodeConfig.class.getClassLoader(),
                new Class<?>[] {NodeConfig.RegistryConfig.class},
                (p, m, a) ->
                    m.getName().equals("url")
                        ? Optional.ofNullable(values.get("registry.url"))
                        : null);
    return (NodeConfig)
        Proxy.newProxyInstance(
            NodeConfig.class.getClassLoader(),
            new Class<?>[] {NodeConfig.class},
            (p, m, a) ->
                m.getName().equals("registry")
                    ? registry
                    : Optional.ofNullable(values.get(m.getName())));
  }

  private static Map<String, String> complete() {
    Map<String, String> v = new HashMap<>();
    v.put("subscriberId", "bpp.example");
    v.put("keyId", "k1");
    v.put("domain", "beckn.one:deg:p2p-trading:2.0.0");
    v.put("publicUrl", "https://bpp.example/beckn/");
    v.put("registry.url", "http://127.0.0.1:8090");
    return v;
  }

  @Test
  void everyMissingSettingIsNamedInOneLineWithItsEnvironmentVariable() {
    String line = MissingConfiguration.message(config(Map.of("keyId", "k1")));
    assertEquals(
        "missing configuration: uei.subscriber-id (UEI_SUBSCRIBER_ID), uei.private-key or"
            + " uei.private-key-file (UEI_PRIVATE_KEY or UEI_PRIVATE_KEY_FILE), uei.domain (UEI_DOMAIN),"
            + " uei.public-url (UEI_PUBLIC_URL), uei.registry.url (UEI_REGISTRY_URL)",
        line);
    assertTrue(!line.contains("\n"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new NodeIdentity(config(Map.of())));
    assertTrue(
        e.getMessage().startsWith("missing configuration: uei.subscriber-id"), e.getMessage());
  }

  @Test
  void readsTheKeyFromBase64FromAFileOrFromKeygenJson(@TempDir Path dir) throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Map<String, String> v = complete();
    v.put("privateKey", key.seedBase64());
    NodeIdentity fromValue = new NodeIdentity(config(v));
    assertEquals(key.publicKeyBase64(), fromValue.publicKeyBase64());
    assertEquals("https://bpp.example/beckn", fromValue.publicUrl(), "no trailing slash");

    v.remove("privateKey");
    Path plain = Files.writeString(dir.resolve("key.b64"), key.privateKey64Base64() + "\n");
    v.put("privateKeyFile", plain.toString());
    assertEquals(key.publicKeyBase64(), new NodeIdentity(config(v)).publicKeyBase64());

    Path json =
        Files.writeString(
            dir.resolve("keys.json"),
            "{\"signing_public_key\":\""
                + key.publicKeyBase64()
                + "\",\"signing_private_key\":\""
                + key.privateKey64Base64()
                + "\"}");
    v.put("privateKeyFile", json.toString());
    assertEquals(key.publicKeyBase64(), new NodeIdentity(config(v)).publicKeyBase64());

    v.put("privateKeyFile", dir.resolve("absent").toString());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new NodeIdentity(config(v)));
    assertTrue(e.getMessage().startsWith("cannot read uei.private-key-file"), e.getMessage());
  }
}
