package org.uei.p2p.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.uei.p2p.credentials.model.Credential;

class AttestationTest {
  private static final ElectricityCredentials TPDDL =
      new ElectricityCredentials("did:web:tpddl.test", "TPDDL", Fixtures.NOW, null, null, null);

  private static Credential credential(ObjectNode subject) {
    return Credential.of(TPDDL.unsigned(subject));
  }

  @Test
  void readsTheMetersLoadAndSolarCapacity() {
    Credential c =
        credential(
            ElectricityCredentials.subject(
                null,
                "C-1",
                TPDDL.meterIri("TPDDL-M-1"),
                "TPDDL-M-1",
                new BigDecimal("5"),
                new BigDecimal("3.5"),
                "LT-2"));
    ElectricityAttestation a = ElectricityAttestation.of(c, "TPDDL-M-1").orElseThrow();
    assertEquals("C-1", a.customerNumber());
    assertEquals(new BigDecimal("5"), a.sanctionedLoadKw());
    assertEquals(Optional.of(new BigDecimal("3.5")), a.installedCapacityKw());
  }

  @Test
  void aConsumerWithoutSolarHasNoCapacity() {
    Credential c =
        credential(
            ElectricityCredentials.subject(
                null, "C-2", "urn:meter:TPDDL-M-2", new BigDecimal("2"), null, "LT-1"));
    assertEquals(
        Optional.empty(),
        ElectricityAttestation.of(c, "urn:meter:TPDDL-M-2").orElseThrow().installedCapacityKw());
  }

  @Test
  void anotherMeterOrWattsAreReadAsTheyAre() {
    ObjectNode s =
        ElectricityCredentials.subject(
            null,
            "C-3",
            TPDDL.meterIri("TPDDL-M-3"),
            "TPDDL-M-3",
            new BigDecimal("4"),
            new BigDecimal("2"),
            "LT-2");
    ((ObjectNode) s.at("/customerProfile/energyResources/1/attributes/maxExport"))
        .put("value", 2500)
        .put("unit", "W");
    Credential c = credential(s);
    assertTrue(ElectricityAttestation.of(c, TPDDL.meterIri("TPDDL-M-9")).isEmpty());
    assertEquals(
        Optional.of(new BigDecimal("2.500")),
        ElectricityAttestation.of(c, "TPDDL-M-3").orElseThrow().installedCapacityKw());
  }
}
