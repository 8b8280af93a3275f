package org.uei.p2p.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.uei.p2p.credentials.model.Credential;
import org.uei.p2p.credentials.model.Problem;

class ValidatorTest {

  @Test
  void ownFixtureIsValid() {
    assertEquals(
        List.of(), CredentialValidator.validate(Fixtures.prosumer("https://registry.test")));
  }

  @Test
  void problemsCarryJsonPaths() {
    ObjectNode vc = Fixtures.prosumer("https://registry.test");
    vc.put("id", "credential-1");
    vc.remove("validFrom");
    ObjectNode profile = (ObjectNode) vc.at("/credentialSubject/customerProfile");
    profile.remove("customerNumber");
    ((ObjectNode) profile.at("/consumptionProfiles/0"))
        .put("meterId", "did:web:pvvnl.test:meters:OTHER");
    ((ObjectNode) profile.at("/consumptionProfiles/0/sanctionedLoad")).put("unit", "kWh");
    ((ObjectNode) vc.get("credentialStatus")).put("statusPurpose", "expiry");
    List<String> paths = CredentialValidator.validate(vc).stream().map(Problem::path).toList();
    assertEquals(
        List.of(
            "$.id",
            "$.credentialStatus.statusPurpose",
            "$.id",
            "$.validFrom",
            "$.credentialSubject.customerProfile.customerNumber",
            "$.credentialSubject.customerProfile.consumptionProfiles[0].meterId",
            "$.credentialSubject.customerProfile.consumptionProfiles[0].sanctionedLoad.unit"),
        paths);
  }

  @Test
  void degShapesNeedTheirSubjectFields() {
    ObjectNode vc =
        Credential.parse(
                """
        {"@context": ["https://www.w3.org/2018/credentials/v1"], "id": "urn:uuid:1",
         "type": ["VerifiableCredential", "GenerationProfileCredential"], "issuer": "did:web:discom.test",
         "issuanceDate": "2026-01-01T00:00:00Z",
         "credentialSubject": {"id": "did:example:p", "consumerNumber": "C1", "generationType": "Solar",
           "capacityKW": "three", "commissioningDate": "2025-01-01"}}""")
            .json();
    List<Problem> problems = CredentialValidator.validate(vc);
    assertEquals(1, problems.size(), problems::toString);
    assertEquals("$.credentialSubject.capacityKW", problems.get(0).path());
  }

  /**
   * Only when the shared specification copies are next to the project; the required coverage is
   * above.
   */
  @TestFactory
  Stream<DynamicTest> sharedExamplesParseAndValidate() throws IOException {
    Path spec = Path.of("..", "..", "shared", "spec", "uei");
    if (!Files.isDirectory(spec)) {
      spec = Path.of("..", "shared", "spec", "uei");
    }
    if (!Files.isDirectory(spec)) {
      return Stream.empty();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(spec)) {
      files =
          walk.filter(
                  p ->
                      p.toString()
                          .replace('\\', '/')
                          .matches(
                              ".*(ElectricityCredential/v1\\.2/examples/.*|energy-credentials/.*example.*|energy-credentials/eos-schemas/examples/.*)\\.json"))
              .sorted()
              .toList();
    }
    assertTrue(!files.isEmpty(), "the shared credential examples are present");
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      Credential c = Credential.parse(Files.readString(f));
                      assertEquals(List.of(), CredentialValidator.validate(c.json()), f.toString());
                    }));
  }
}
