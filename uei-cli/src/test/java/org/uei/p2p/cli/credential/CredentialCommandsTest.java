package org.uei.p2p.cli.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uei.p2p.cli.UeiCli;
import org.uei.p2p.credentials.did.DidKey;
import org.uei.p2p.registry.local.LocalRegistry;
import org.uei.p2p.signing.keys.Ed25519KeyPair;
import picocli.CommandLine;

/** {@code uei credential issue|verify|revoke}, in-process against a local registry on loopback. */
class CredentialCommandsTest {

  private static final String SUBJECT =
      """
      {"id": "did:example:prosumer:agra-7",
       "customerProfile": {"customerNumber": "PVVNL-CA-0042",
         "energyResources": [{"id": "did:web:pvvnl.test:meters:TEST_UP-0007", "type": "METER"},
           {"id": "did:web:pvvnl.test:der:TEST_UP-0007-PV", "type": "SOLAR_PV",
            "attributes": {"maxExport": {"value": 4.5, "unit": "kW"}},
            "parentResources": ["did:web:pvvnl.test:meters:TEST_UP-0007"]}],
         "consumptionProfiles": [{"meterId": "did:web:pvvnl.test:meters:TEST_UP-0007",
           "sanctionedLoad": {"value": 5, "unit": "kW"}, "tariffCategoryCode": "LMV-1"}]}}""";

  @TempDir Path dir;
  StringWriter out;
  StringWriter err;
  LocalRegistry registry;
  Path keyFile;
  String did;

  @BeforeEach
  void setUp() throws IOException {
    registry = LocalRegistry.builder().start();
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    keyFile = dir.resolve("discom.key.json");
    Files.writeString(keyFile, "{\"signing_private_key\": \"" + key.privateKey64Base64() + "\"}");
    did = DidKey.of(key.publicKey());
    Files.writeString(dir.resolve("subject.json"), SUBJECT);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = UeiCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path issue(String format, String suite) {
    Path vc = dir.resolve("vc-" + format + "-" + suite + ".txt");
    assertEquals(
        0,
        run(
            "credential",
            "issue",
            "--key",
            keyFile.toString(),
            "--issuer",
            did,
            "--issuer-name",
            "PVVNL",
            "--subject",
            dir.resolve("subject.json").toString(),
            "--format",
            format,
            "--suite",
            suite,
            "--status-registry",
            registry.baseUrl(),
            "--status-namespace",
            "utility.pvvnl.test",
            "--out",
            vc.toString()),
        err::toString);
    return vc;
  }

  @Test
  void issueVerifyRevokeVerify() {
    Path di = issue("di", "Ed25519Signature2020");
    Path rdfc = issue("di", "eddsa-rdfc-2022");
    Path jwt = issue("jwt", "Ed25519Signature2020");
    for (Path vc : new Path[] {di, rdfc, jwt}) {
      assertEquals(
          0,
          run(
              "credential",
              "verify",
              vc.toString(),
              "--registry",
              registry.baseUrl(),
              "--trusted-issuer",
              did + "=DISCOM"),
          err::toString);
      assertTrue(
          out.toString().startsWith("valid: VerifiableCredential,ElectricityCredential urn:uuid:"),
          out::toString);
    }
    assertEquals(
        0,
        run(
            "credential",
            "revoke",
            "--registry",
            registry.baseUrl(),
            di.toString(),
            "--reason",
            "meter replaced"),
        err::toString);
    assertTrue(
        out.toString().startsWith("revoked: utility.pvvnl.test/vc-revocation-registry/"),
        out::toString);
    assertEquals(1, run("credential", "verify", di.toString(), "--registry", registry.baseUrl()));
    assertTrue(
        err.toString()
            .startsWith("uei: REVOKED at $.credentialStatus: the issuer revoked this credential"),
        err::toString);
    assertTrue(err.toString().contains("meter replaced"), err::toString);
    assertEquals(
        0,
        run("credential", "verify", rdfc.toString(), "--registry", registry.baseUrl()),
        "another credential stays valid");
    assertEquals(
        0,
        run("credential", "verify", di.toString(), "--no-status"),
        "integrity alone still holds");
  }

  @Test
  void problemsAreOneLineEachAndExitOne() throws IOException {
    Path di = issue("di", "eddsa-rdfc-2022");
    String tampered = Files.readString(di).replace("PVVNL-CA-0042", "PVVNL-CA-0099");
    Files.writeString(dir.resolve("tampered.json"), tampered);
    assertEquals(
        1, run("credential", "verify", dir.resolve("tampered.json").toString(), "--no-status"));
    assertTrue(err.toString().startsWith("uei: TAMPERED: "), err::toString);
    assertEquals(1, err.toString().lines().count());

    String broken =
        Files.readString(di)
            .replace("\"customerNumber\"", "\"customerNo\"")
            .replace("\"validFrom\"", "\"validFrm\"");
    Files.writeString(dir.resolve("broken.json"), broken);
    assertEquals(1, run("credential", "verify", dir.resolve("broken.json").toString()));
    assertEquals(
        """
        uei: MALFORMED at $.validFrom: is required
        uei: MALFORMED at $.credentialSubject.customerProfile.customerNumber: is required
        """,
        err.toString());

    assertEquals(
        1,
        run(
            "credential",
            "verify",
            di.toString(),
            "--no-status",
            "--trusted-issuer",
            did + "=BPP"));
    assertTrue(err.toString().startsWith("uei: WRONG_ISSUER_TYPE at $.issuer:"), err::toString);
  }

  @Test
  void usageAndSetupErrorsExitTwo() {
    assertEquals(2, run("credential", "verify", dir.resolve("missing.json").toString()));
    assertTrue(err.toString().startsWith("uei: no such file:"), err::toString);
    assertEquals(
        2,
        run(
            "credential",
            "issue",
            "--key",
            keyFile.toString(),
            "--issuer",
            DidKey.of(Ed25519KeyPair.generate().publicKey()),
            "--subject",
            dir.resolve("subject.json").toString()));
    assertTrue(err.toString().contains("is not the did:key of --key"), err::toString);
    assertEquals(
        2,
        run(
            "credential",
            "revoke",
            "--registry",
            "http://127.0.0.1:1",
            "--namespace",
            "n",
            "--record",
            "r"));
    assertTrue(err.toString().contains("unreachable"), err::toString);
    assertEquals(2, run("credential", "revoke", "--registry", registry.baseUrl()));
  }
}
