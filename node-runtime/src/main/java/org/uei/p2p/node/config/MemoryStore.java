package org.uei.p2p.node.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code uei.store=memory}: points the node's datasource at an H2 database in the process's memory,
 * whatever other URL is configured, so that the same packaged node can be measured with and without
 * its durable writes. Registered as a config source factory because the datasource URL is read
 * before any bean exists; {@link StartupCheck} refuses the start when the setting cannot be
 * honoured and warns loudly when it is.
 */
public final class MemoryStore implements ConfigSourceFactory {

  /** The default store: the configured database, on disk. */
  public static final String FILE = "file";

  /** The store held in the process's memory. */
  public static final String MEMORY = "memory";

  /**
   * The in-memory database: one per process. {@code DB_CLOSE_DELAY=-1} keeps it while the pool has
   * no open connection, which would otherwise drop every table; the query cache is the file
   * default's, so that the two differ in where the data lives only.
   */
  static final String URL = "jdbc:h2:mem:uei-node;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128";

  /** Above system properties (400): the setting wins over any URL given elsewhere. */
  static final int ORDINAL = 450;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (!isMemory(value(context, "uei.store"))) {
      return List.of();
    }
    String kind = value(context, "quarkus.datasource.db-kind");
    if (kind != null && !kind.equalsIgnoreCase("h2")) {
      // A build for another database cannot open H2; StartupCheck says so in one line.
      return List.of();
    }
    return List.of(
        new PropertiesConfigSource(
            Map.of("quarkus.datasource.jdbc.url", URL), "uei.store=memory", ORDINAL));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }

  /** True for {@code memory}, in any case and with blanks around it. */
  static boolean isMemory(String store) {
    return store != null && store.trim().toLowerCase(Locale.ROOT).equals(MEMORY);
  }

  /**
   * The one-line refusal for a store setting this node cannot honour, or null when it can: {@code
   * store} must be {@code file} or {@code memory}, and {@code memory} needs the H2 build.
   */
  static String refusal(String store, String jdbcUrl) {
    String s = store.trim().toLowerCase(Locale.ROOT);
    if (!s.equals(FILE) && !s.equals(MEMORY)) {
      return "uei.store must be 'file' (the default) or 'memory', not '" + store + "'";
    }
    if (s.equals(MEMORY) && (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:mem:"))) {
      return "uei.store=memory needs the default H2 build of the node; this build opens "
          + (jdbcUrl == null ? "no database" : jdbcUrl.replaceFirst("^(jdbc:[^:]+):.*", "$1"));
    }
    return null;
  }

  private static String value(ConfigSourceContext context, String name) {
    ConfigValue v = context.getValue(name);
    return v == null ? null : v.getValue();
  }
}
