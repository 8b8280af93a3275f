package org.uei.p2p.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void oneInstanceOnTheDefaultDatabaseIsTheClassicRun() {
    Options o = Options.parse(new String[] {"--duration", "5"});
    assertEquals(List.of(1), o.instances());
    assertFalse(o.scaling());
    o.check();
  }

  @Test
  void severalInstancesOnH2AreRefusedInOneLine() {
    Options o = Options.parse(new String[] {"--instances", "1,2"});
    assertTrue(o.scaling());
    IllegalStateException e = assertThrows(IllegalStateException.class, o::check);
    assertTrue(
        e.getMessage().startsWith("--instances 2 needs --postgres JDBC_URL"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void stepsOnPostgresAreParsedInOrder() {
    Options o =
        Options.parse(
            new String[] {"--instances", "1, 2", "--postgres", "jdbc:postgresql://127.0.0.1/test"});
    assertEquals(List.of(1, 2), o.instances());
    assertEquals("jdbc:postgresql://127.0.0.1/test", o.postgres());
    assertTrue(o.scaling());
  }

  @Test
  void badValuesAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> Options.parse(new String[] {"--instances", "0"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Options.parse(new String[] {"--postgres", "jdbc:h2:file:/tmp/x"}));
  }

  @Test
  void theSchemaGoesAfterTheUrlsOwnParameters() {
    assertEquals(
        "jdbc:postgresql://h/test?currentSchema=s",
        InstanceSteps.withSchema("jdbc:postgresql://h/test", "s"));
    assertEquals(
        "jdbc:postgresql://h/test?ssl=false&currentSchema=s",
        InstanceSteps.withSchema("jdbc:postgresql://h/test?ssl=false", "s"));
  }

  @Test
  void ratesMeasureTheBppNodeAloneAndNotInInstanceSteps() {
    Options o = Options.parse(new String[] {"--rates", "100, 250"});
    assertEquals(List.of(100, 250), o.rates());
    assertTrue(o.bppAlone());
    o.check();
    assertFalse(Options.parse(new String[0]).bppAlone());
    assertThrows(
        IllegalArgumentException.class, () -> Options.parse(new String[] {"--rates", "100,0"}));
    Options steps =
        Options.parse(
            new String[] {"--rates", "100", "--postgres", "jdbc:postgresql://127.0.0.1/test"});
    IllegalStateException e = assertThrows(IllegalStateException.class, steps::check);
    assertTrue(e.getMessage().startsWith("--rates measures one bpp-node"), e.getMessage());
  }
}
