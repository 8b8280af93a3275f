package org.uei.p2p.bpp.console;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.uei.p2p.bpp.delivery.MdmsDropPoller;

/**
 * The MDMS batch files this node imported, as the drop directory keeps them: {@code processed/} for
 * files whose every row was stored, {@code rejected/} for the others, each with its rejection
 * report ({@code <name>.report.csv}) beside it. The newest files first, and of each report its
 * first rejections: enough for an operator to tell the DISCOM what to correct.
 */
@ApplicationScoped
public class MeterImports {

  /** Most files the page lists. */
  static final int MAX_FILES = 50;

  /** Most rejections shown per file; the count covers them all. */
  static final int MAX_REJECTIONS = 25;

  /** Most report lines counted per file. */
  static final int MAX_COUNTED = 100_000;

  @Inject MdmsDropPoller poller;

  /** One rejected row. */
  @TemplateData
  public record Rejection(String line, String location, String reason, String message) {}

  /** One imported file. */
  @TemplateData
  public record Batch(
      String name,
      boolean clean,
      Instant importedAt,
      long bytes,
      long rejected,
      boolean moreRejected,
      List<Rejection> rejections) {}

  /** The drop directory and the newest files imported from it. */
  @TemplateData
  public record Imports(String dropDir, List<Batch> batches) {}

  /** The newest {@link #MAX_FILES} files imported, newest first. */
  public Imports list() throws IOException {
    Path dir = poller.dropDir();
    List<Map.Entry<Path, Instant>> files = new ArrayList<>();
    for (String kind : List.of("processed", "rejected")) {
      batches(dir.resolve(kind)).forEach(f -> files.add(Map.entry(f, modified(f))));
    }
    files.sort(Map.Entry.<Path, Instant>comparingByValue().reversed());
    List<Batch> out = new ArrayList<>();
    for (Map.Entry<Path, Instant> f : files.subList(0, Math.min(files.size(), MAX_FILES))) {
      out.add(batch(f.getKey(), f.getValue()));
    }
    return new Imports(dir.toString(), out);
  }

  private static List<Path> batches(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && n.endsWith(".csv") && !n.endsWith(".report.csv");
              })
          .toList();
    }
  }

  private static Batch batch(Path f, Instant importedAt) throws IOException {
    boolean clean = f.getParent().getFileName().toString().equals("processed");
    Path report = f.resolveSibling(f.getFileName() + ".report.csv");
    List<Rejection> shown = new ArrayList<>();
    long count = 0;
    if (Files.isRegularFile(report)) {
      try (BufferedReader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
        in.readLine(); // the header
        String line;
        while (count < MAX_COUNTED && (line = in.readLine()) != null) {
          if (line.isEmpty()) {
            continue;
          }
          count++;
          if (shown.size() < MAX_REJECTIONS) {
            List<String> cells = cells(line);
            shown.add(
                new Rejection(cell(cells, 0), cell(cells, 1), cell(cells, 2), cell(cells, 3)));
          }
        }
      }
    }
    return new Batch(
        f.getFileName().toString(),
        clean,
        importedAt,
        Files.size(f),
        count,
        count > shown.size(),
        shown);
  }

  /**
   * The cells of one report line as {@code ImportReport.writeRejections} writes it: a cell holding
   * a comma or quote is quoted, its quotes doubled.
   */
  static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }

  private static String cell(List<String> cells, int i) {
    return i < cells.size() ? cells.get(i) : "";
  }

  private static Instant modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
