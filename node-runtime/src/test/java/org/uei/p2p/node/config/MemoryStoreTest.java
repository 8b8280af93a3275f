package org.uei.p2p.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class MemoryStoreTest {

  @Test
  void memoryPointsTheDatasourceAtAnInMemoryH2AboveEveryOtherSource() {
    List<ConfigSource> sources = sources(Map.of("uei.store", " Memory "));
    assertEquals(1, sources.size());
    ConfigSource s = sources.get(0);
    assertEquals(
        "jdbc:h2:mem:uei-node;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128",
        s.getValue("quarkus.datasource.jdbc.url"));
    assertEquals(450, s.getOrdinal());
  }

  @Test
  void fileOrNothingLeavesTheConfiguredDatabase() {
    assertEquals(List.of(), sources(Map.of()));
    assertEquals(List.of(), sources(Map.of("uei.store", "file")));
    assertEquals(List.of(), sources(Map.of("uei.store", "disk")));
  }

  @Test
  void aBuildForAnotherDatabaseIsLeftToTheStartupCheck() {
    assertEquals(
        List.of(),
        sources(Map.of("uei.store", "memory", "quarkus.datasource.db-kind", "postgresql")));
    assertEquals(
        1, sources(Map.of("uei.store", "memory", "quarkus.datasource.db-kind", "h2")).size());
  }

  @Test
  void theStartupCheckRefusesWhatCannotBeHonouredInOneLine() {
    assertNull(MemoryStore.refusal("file", "jdbc:h2:file:./data/bpp/node"));
    assertNull(MemoryStore.refusal("memory", MemoryStore.URL));
    assertEquals(
        "uei.store must be 'file' (the default) or 'memory', not 'disk'",
        MemoryStore.refusal("disk", "jdbc:h2:file:./data/bpp/node"));
    assertEquals(
        "uei.store=memory needs the default H2 build of the node; this build opens"
            + " jdbc:postgresql",
        MemoryStore.refusal("memory", "jdbc:postgresql://db.example.in:5432/uei?password=secret"));
    assertEquals(
        "uei.store=memory needs the default H2 build of the node; this build opens no database",
        MemoryStore.refusal("MEMORY", null));
  }

  private static List<ConfigSource> sources(Map<String, String> values) {
    Map<String, String> copy = new HashMap<>(values);
    ConfigSourceContext context =
        new ConfigSourceContext() {
          @Override
          public ConfigValue getValue(String name) {
            String v = copy.get(name);
            return v == null ? null : ConfigValue.builder().withName(name).withValue(v).build();
          }

          @Override
          public Iterator<String> iterateNames() {
            return copy.keySet().iterator();
          }
        };
    List<ConfigSource> out = new ArrayList<>();
    new MemoryStore().getConfigSources(context).forEach(out::add);
    return out;
  }
}
