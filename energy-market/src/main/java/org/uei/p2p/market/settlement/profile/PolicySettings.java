package org.uei.p2p.market.settlement.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds a node's {@link SettlementProfile} from layers, each overriding the one before: a bundled
 * profile picked by name (with the profiles it {@code extends}), then a readable properties file,
 * then single values. Every value remembers the setting it came from, so that each bad one is
 * reported in the operator's terms, one line each, all at once.
 *
 * <pre>{@code
 * SettlementProfile p = PolicySettings.builder()
 *     .profile("interstate-pilot-2026-02", "uei.bpp.delivery.settlement-profile")
 *     .file(Path.of("settlement.properties"), "uei.bpp.delivery.settlement-file")
 *     .value("tariff.TPDDL", "7.20", "uei.bpp.delivery.settlement.\"tariff.TPDDL\"")
 *     .build();
 * }</pre>
 */
public final class PolicySettings {
  private static final String RESOURCES = "/org/uei/p2p/market/settlement/profile/";

  /** A value and the setting it came from. */
  record Setting(String value, String origin) {}

  private final Map<String, Setting> values = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private PolicySettings() {}

  /** An empty set of layers. */
  public static PolicySettings builder() {
    return new PolicySettings();
  }

  /** The bundled profile {@code name}, chosen by the setting {@code origin}. */
  public PolicySettings profile(String name, String origin) {
    loadProfile(name == null ? "" : name.trim(), origin, new LinkedHashSet<>());
    return this;
  }

  /** Every value of the properties file {@code file}, named by the setting {@code origin}. */
  public PolicySettings file(Path file, String origin) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(origin + ": cannot read settlement file " + file + ": " + e.getMessage());
      return this;
    }
    for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
      values.put(key, new Setting(p.getProperty(key).trim(), file.getFileName() + " " + key));
    }
    return this;
  }

  /** One value, named by the setting {@code origin}. */
  public PolicySettings value(String key, String value, String origin) {
    values.put(key.trim(), new Setting(value == null ? "" : value.trim(), origin));
    return this;
  }

  /** The profile the layers make, or every problem with them. */
  public SettlementProfile build() {
    if (!problems.isEmpty()) {
      throw new PolicySettingsException(problems);
    }
    return new PolicyReader(values).read();
  }

  /** The names of the bundled profiles. */
  public static List<String> bundledProfiles() {
    return List.of(
        "derc-2024",
        "derc-pilot-2026-02",
        "uperc-pilot-2026-02",
        "kerc-2024",
        "ies-network",
        "interstate-pilot-2026-02");
  }

  /** The bundled profile {@code name} with nothing overridden. */
  public static SettlementProfile bundled(String name) {
    return builder().profile(name, "profile").build();
  }

  private void loadProfile(String name, String origin, Set<String> seen) {
    if (!bundledProfiles().contains(name)) {
      problems.add(
          origin
              + ": unknown settlement profile '"
              + name
              + "' (known: "
              + String.join(", ", bundledProfiles())
              + ")");
      return;
    }
    if (!seen.add(name)) {
      problems.add(origin + ": profile " + name + " extends itself");
      return;
    }
    Properties p = new Properties();
    try (InputStream in =
        PolicySettings.class.getResourceAsStream(RESOURCES + name + ".properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("bundled profile " + name + " is missing from the jar", e);
    }
    String parents = p.getProperty("extends", "");
    for (String parent : parents.split(",")) {
      if (!parent.isBlank()) {
        loadProfile(parent.trim(), "profile " + name + " extends", seen);
      }
    }
    for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
      if (!key.equals("extends")) {
        values.put(key, new Setting(p.getProperty(key).trim(), "profile " + name + " " + key));
      }
    }
  }
}
