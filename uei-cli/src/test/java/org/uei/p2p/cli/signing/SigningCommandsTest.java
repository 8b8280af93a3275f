package org.uei.p2p.cli.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.cli.UeiCli;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import picocli.CommandLine;

/** {@code uei keygen/sign/verify/digest}, run in-process. */
class SigningCommandsTest {

  /** The published BECKN-006 test vector: body, keys, times and expected values. */
  static final String VECTOR_BODY =
      "{\"context\":{\"domain\":\"nic2004:60212\",\"country\":\"IND\",\"city\":\"Kochi\",\"action\":\"search\","
          + "\"core_version\":\"0.9.1\",\"bap_id\":\"bap.stayhalo.in\",\"bap_uri\":\"https://8f9f-49-207-209-131.ngrok.io/protocol/\","
          + "\"transaction_id\":\"e6d9f908-1d26-4ff3-a6d1-3af3d3721054\",\"message_id\":\"a2fe6d52-9fe4-4d1a-9d0b-dccb8b48522d\","
          + "\"timestamp\":\"2022-01-04T09:17:55.971Z\",\"ttl\":\"P1M\"},\"message\":{\"intent\":{\"fulfillment\":{\"start\":{\"location\":{\"gps\":\"10.108768,"
          + " 76.347517\"}},\"end\":{\"location\":{\"gps\":\"10.102997, 76.353480\"}}}}}}";

  static final String VECTOR_PRIVATE =
      "lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldhrAY+NErqL9WD+Vav7TE5tyVXGXBle9ONZi2W7o144eQ==";
  static final String VECTOR_PUBLIC = "awGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=";
  static final String VECTOR_DIGEST =
      "BLAKE-512=b6lf6lRgOweajukcvcLsagQ2T60+85kRh/Rd2bdS+TG/5ALebOEgDJfyCrre/1+BMu5nA94o4DT3pTFXuUg7sw==";
  static final String VECTOR_HEADER =
      "Signature keyId=\"bap.stayhalo.in|key1|ed25519\",algorithm=\"ed25519\","
          + "created=\"1641287875\",expires=\"1641291475\",headers=\"(created) (expires) digest\","
          + "signature=\"cjbhP0PFyrlSCNszJM1F/YmHDVAWsZqJUPzojnE/7TJU3fJ/rmIlgaUHEr5E0/2PIyf0tpSnWtT6cyNNlpmoAQ==\"";

  @TempDir Path dir;
  Path body;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void writeBody() throws IOException {
    body = dir.resolve("body.json");
    Files.write(body, VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void digestOfTheVectorBody() {
    assertEquals(496, VECTOR_BODY.length());
    assertEquals(0, run("digest", body.toString()));
    assertEquals(VECTOR_DIGEST, out.toString().strip());
  }

  @Test
  void signReproducesTheVectorHeader() {
    assertEquals(
        0,
        run(
            "sign",
            "--private-key",
            VECTOR_PRIVATE,
            "--subscriber-id",
            "bap.stayhalo.in",
            "--key-id",
            "key1",
            "--created",
            "1641287875",
            "--expires",
            "1641291475",
            body.toString()));
    assertEquals(VECTOR_HEADER, out.toString().strip());
  }

  @Test
  void signWithTheSeedFormGivesTheSameHeader() {
    String seed = Ed25519KeyPair.fromPrivateKeyBase64(VECTOR_PRIVATE).seedBase64();
    assertEquals(
        0,
        run(
            "sign",
            "--private-key",
            seed,
            "--subscriber-id",
            "bap.stayhalo.in",
            "--key-id",
            "key1",
            "--created",
            "1641287875",
            "--expires",
            "1641291475",
            body.toString()));
    assertEquals(VECTOR_HEADER, out.toString().strip());
  }

  @Test
  void verifyAcceptsTheVectorAtItsTime() {
    assertEquals(
        0,
        run(
            "verify",
            "--public-key",
            VECTOR_PUBLIC,
            "--header",
            VECTOR_HEADER,
            "--sender",
            "bap.stayhalo.in",
            "--now",
            "1641288000",
            body.toString()),
        err.toString());
    assertTrue(out.toString().startsWith("valid: "), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void verifyAcceptsAPastedHeaderLine() {
    assertEquals(
        0,
        run(
            "verify",
            "--public-key",
            VECTOR_PUBLIC,
            "--header",
            "Authorization: " + VECTOR_HEADER,
            "--now",
            "1641288000",
            body.toString()),
        err.toString());
    assertEquals(
        0,
        run(
            "verify",
            "--public-key",
            VECTOR_PUBLIC,
            "--header",
            "X-Gateway-Authorization:" + VECTOR_HEADER,
            "--now",
            "1641288000",
            body.toString()),
        err.toString());
  }

  @Test
  void verifyRejectsTheVectorWithOneBodyByteChanged() throws IOException {
    byte[] bytes = Files.readAllBytes(body);
    bytes[100] ^= 0x01;
    Files.write(body, bytes);
    assertEquals(
        1,
        run(
            "verify",
            "--public-key",
            VECTOR_PUBLIC,
            "--header",
            VECTOR_HEADER,
            "--now",
            "1641288000",
            body.toString()));
    String line = err.toString();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.startsWith("uei: BAD_SIGNATURE: "), line);
    assertEquals("", out.toString());
  }

  @Test
  void verifyNamesExpiryAndSignerMismatch() {
    assertEquals(
        1,
        run("verify", "--public-key", VECTOR_PUBLIC, "--header", VECTOR_HEADER, body.toString()));
    assertTrue(err.toString().startsWith("uei: EXPIRED: "), err.toString());
    assertEquals(
        1,
        run(
            "verify",
            "--public-key",
            VECTOR_PUBLIC,
            "--header",
            VECTOR_HEADER,
            "--sender",
            "someone.else",
            "--now",
            "1641288000",
            body.toString()));
    assertTrue(err.toString().startsWith("uei: SIGNER_MISMATCH: "), err.toString());
    assertEquals(
        1,
        run(
            "verify",
            "--public-key",
            VECTOR_PUBLIC,
            "--header",
            "Signature keyId=\"x\"",
            body.toString()));
    assertTrue(err.toString().startsWith("uei: MALFORMED: "), err.toString());
  }

  @Test
  void keygenPrintsAllFourKeysAndTheyWork() throws IOException {
    assertEquals(0, run("keygen"));
    String json = out.toString();
    for (String field :
        new String[] {
          "signing_public_key", "signing_private_key", "encr_public_key", "encr_private_key"
        }) {
      assertTrue(json.contains("\"" + field + "\": \""), json);
    }
    String priv = field(json, "signing_private_key");
    String pub = field(json, "signing_public_key");
    assertEquals(64, java.util.Base64.getDecoder().decode(priv).length);
    assertEquals(
        0,
        run(
            "sign",
            "--private-key",
            priv,
            "--subscriber-id",
            "bpp.example",
            "--key-id",
            "k",
            body.toString()));
    String header = out.toString().strip();
    assertEquals(
        0,
        run(
            "verify",
            "--public-key",
            pub,
            "--header",
            header,
            "--sender",
            "bpp.example",
            body.toString()),
        err.toString());
  }

  @Test
  void keygenOutFileIsOwnerOnlyAndNotOverwritten() throws IOException {
    Path keys = dir.resolve("keys.json");
    assertEquals(0, run("keygen", "--out", keys.toString()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
    String first = Files.readString(keys);
    assertTrue(first.contains("signing_private_key"));
    assertFalse(
        out.toString().contains(field(first, "signing_private_key")),
        "private key must not go to stdout");
    assertEquals(2, run("keygen", "--out", keys.toString()));
    assertTrue(err.toString().contains("already exists"), err.toString());
    assertEquals(first, Files.readString(keys));
    assertEquals(0, run("keygen", "--out", keys.toString(), "--force"));
    assertFalse(first.equals(Files.readString(keys)));
  }

  @Test
  void userErrorsAreOneLineWithoutStackTrace() {
    assertEquals(
        2,
        run(
            "sign",
            "--private-key",
            "AAAA",
            "--subscriber-id",
            "s",
            "--key-id",
            "k",
            body.toString()));
    assertOneLine("--private-key");
    assertEquals(
        2,
        run("verify", "--public-key", "not-base64!", "--header", VECTOR_HEADER, body.toString()));
    assertOneLine("--public-key");
    assertEquals(2, run("digest", dir.resolve("missing.json").toString()));
    assertOneLine("no such file");
    assertEquals(
        2,
        run(
            "sign",
            "--private-key",
            VECTOR_PRIVATE,
            "--subscriber-id",
            "s",
            "--key-id",
            "k",
            "--created",
            "100",
            "--expires",
            "50",
            body.toString()));
    assertOneLine("--expires");
  }

  private void assertOneLine(String mention) {
    String e = err.toString();
    assertEquals(1, e.lines().count(), e);
    assertTrue(e.startsWith("uei: ") && e.contains(mention), e);
    assertFalse(e.contains("\tat "), e);
  }

  private static String field(String json, String name) {
    String marker = "\"" + name + "\": \"";
    int start = json.indexOf(marker) + marker.length();
    return json.substring(start, json.indexOf('"', start));
  }
}
