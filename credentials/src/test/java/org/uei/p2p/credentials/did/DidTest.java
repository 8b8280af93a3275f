package org.uei.p2p.credentials.did;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.uei.p2p.signing.StaticKeyResolver;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import org.uei.p2p.signing.keys.Ed25519PublicKey;

class DidTest {

  /**
   * From the did:key method specification's examples: the DID and its publicKeyBase58 4zvwRjXU....
   */
  private static final String SPEC_DID_KEY =
      "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

  private static final byte[] SPEC_KEY =
      HexFormat.of().parseHex("3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29");

  /** RFC 8037 Appendix A.2 public key (RFC 8032 test 1). */
  private static final String RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

  @Test
  void didKeySpecVector() throws Exception {
    assertArrayEquals(SPEC_KEY, DidKey.resolve(SPEC_DID_KEY).encoded());
    assertArrayEquals(
        SPEC_KEY,
        DidKey.resolve(SPEC_DID_KEY + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
            .encoded());
    assertEquals(SPEC_DID_KEY, DidKey.of(Ed25519PublicKey.of(SPEC_KEY)));
    assertArrayEquals(SPEC_KEY, Multibase.decode("z4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS"));
  }

  @Test
  void didKeyRefusals() {
    assertEquals(
        DidResolutionException.Kind.NOT_FOUND,
        assertThrows(DidResolutionException.class, () -> DidKey.resolve(SPEC_DID_KEY + "#other"))
            .kind());
    // An X25519 did:key (multicodec 0xec) is not a signing key.
    assertEquals(
        DidResolutionException.Kind.UNSUPPORTED_KEY,
        assertThrows(
                DidResolutionException.class,
                () -> DidKey.resolve("did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F"))
            .kind());
    assertEquals(
        DidResolutionException.Kind.MALFORMED,
        assertThrows(DidResolutionException.class, () -> DidKey.resolve("did:key:z0OIl")).kind());
  }

  @Test
  void didJwkOfRfc8037Key() throws Exception {
    String json = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC8037_X + "\"}";
    String did =
        "did:jwk:"
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    Ed25519PublicKey key = DidJwk.resolve(did + "#0");
    assertEquals(
        HexFormat.of().formatHex(key.encoded()),
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertEquals(key, DidJwk.resolve(DidJwk.of(key)));
    assertThrows(DidResolutionException.class, () -> DidJwk.resolve(did + "#1"));
    String priv =
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
            + RFC8037_X
            + "\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}";
    assertEquals(
        DidResolutionException.Kind.MALFORMED,
        assertThrows(
                DidResolutionException.class,
                () ->
                    DidJwk.resolve(
                        "did:jwk:"
                            + java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(priv.getBytes())))
            .kind());
  }

  @Test
  void base58RoundTripKeepsLeadingZeros() {
    byte[] data = {0, 0, 1, 2, (byte) 0xff};
    assertArrayEquals(data, Multibase.decode(Multibase.encodeBase58Btc(data)));
    assertEquals("z1112", Multibase.encodeBase58Btc(new byte[] {0, 0, 0, 1}));
  }

  @Test
  void didWebFetchesOverLoopbackAndCaches() throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    int port = server.getAddress().getPort();
    String did = "did:web:127.0.0.1%3A" + port + ":discoms:pvvnl";
    String doc =
        """
        {"id": "DID", "verificationMethod": [
           {"id": "DID#key-1", "type": "Multikey", "controller": "DID", "publicKeyMultibase": "MB"},
           {"id": "#key-2", "type": "JsonWebKey", "controller": "DID", "publicKeyJwk": JWK}],
         "assertionMethod": ["DID#key-1", "#key-2"], "authentication": ["DID#key-3"]}"""
            .replace("DID", did)
            .replace("MB", DidKey.multibase(key.publicKey()))
            .replace("JWK", key.publicKey().toJwk(null).toJSONString());
    server.createContext(
        "/discoms/pvvnl/did.json",
        ex -> {
          fetches.incrementAndGet();
          byte[] body = doc.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      DidWebResolver web = DidWebResolver.builder().allowHttpForLoopback(true).build();
      DidResolver resolver = DidResolvers.withWeb(web);
      assertEquals(key.publicKey(), resolver.resolve(did + "#key-1"));
      assertEquals(key.publicKey(), resolver.resolve(did + "#key-2"));
      assertEquals(1, fetches.get(), "the document is cached");
      assertEquals(
          DidResolutionException.Kind.NOT_FOUND,
          assertThrows(DidResolutionException.class, () -> resolver.resolve(did + "#key-3"))
              .kind());
      assertEquals(
          DidResolutionException.Kind.NOT_FOUND,
          assertThrows(
                  DidResolutionException.class,
                  () -> resolver.resolve("did:web:127.0.0.1%3A" + port + ":nobody#key-1"))
              .kind());
      assertEquals(
          "https://utility.example/.well-known/did.json",
          DidWebResolver.builder().build().documentUrl("did:web:utility.example").toString());
      assertEquals(
          DidResolutionException.Kind.UNSUPPORTED_METHOD,
          assertThrows(
                  DidResolutionException.class, () -> DidResolvers.local().resolve(did + "#key-1"))
              .kind());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void issuerKeyFromTheRegistry() throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    StaticKeyResolver keys =
        StaticKeyResolver.builder().add("utility.pvvnl.test", "k1", key.publicKeyBase64()).build();
    RegistryDidResolver resolver = new RegistryDidResolver(keys);
    String vm = RegistryDidResolver.verificationMethod("utility.pvvnl.test", "k1");
    assertEquals("did:web:utility.pvvnl.test#k1", vm);
    assertEquals(key.publicKey(), resolver.resolve(vm));
    assertEquals(
        DidResolutionException.Kind.NOT_FOUND,
        assertThrows(
                DidResolutionException.class,
                () -> resolver.resolve("did:web:utility.pvvnl.test#k2"))
            .kind());
  }
}
