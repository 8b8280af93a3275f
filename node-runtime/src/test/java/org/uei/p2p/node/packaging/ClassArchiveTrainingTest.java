package org.uei.p2p.node.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training's arguments and database settings. The training itself runs in every build of the
 * nodes (a failed training fails the build), and PackagedClassArchiveIT checks its archive.
 */
class ClassArchiveTrainingTest {

  @Test
  void anUnknownArgumentIsRefusedByName(@TempDir Path dir) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClassArchiveTraining.main(new String[] {dir.toString(), "--jdbc-uri=x"}));
    assertEquals("unknown argument --jdbc-uri=x", e.getMessage());
  }

  @Test
  void aDirectoryWithoutAPackagedNodeIsRefused(@TempDir Path dir) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ClassArchiveTraining.main(new String[] {dir.toString(), "--jdbc-url="}));
    assertTrue(e.getMessage().startsWith("no packaged node at "), e.getMessage());
  }

  @Test
  void anEmptyDatabaseUrlMeansTheNodesOwnH2() {
    assertNull(TrainingSchema.of(Map.of("--jdbc-url", "", "--jdbc-user", "u")));
    assertNull(TrainingSchema.of(Map.of()));
  }

  @Test
  void thePostgresNodeIsPutInAFreshSchemaOfTheGivenDatabase() {
    Map<String, String> env =
        TrainingSchema.of(
                Map.of(
                    "--jdbc-url", "jdbc:postgresql://db:5432/test?ssl=true",
                    "--jdbc-user", "builder",
                    "--jdbc-password", ""))
            .nodeEnv();
    String schema = env.get("QUARKUS_FLYWAY_SCHEMAS");
    assertTrue(schema.matches("uei_class_archive_\\d+"), schema);
    assertEquals(
        "jdbc:postgresql://db:5432/test?ssl=true&currentSchema=" + schema,
        env.get("QUARKUS_DATASOURCE_JDBC_URL"));
    assertEquals("builder", env.get("QUARKUS_DATASOURCE_USERNAME"));
    assertEquals("", env.get("QUARKUS_DATASOURCE_PASSWORD"));
  }
}
