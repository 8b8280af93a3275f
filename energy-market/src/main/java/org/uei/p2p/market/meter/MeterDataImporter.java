package org.uei.p2p.market.meter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.uei.p2p.market.meter.Rejection.Reason;

/**
 * Ingests meter data from a DISCOM's MDMS into a {@link MeterReadingStore}: the daily batch CSV
 * ({@value #CSV_HEADER}) and the JSON ingestion shape {@code
 * {"readings":[{"meterId","blockStart","blockMinutes","importKwh","exportKwh"}]}}.
 *
 * <p>Input is streamed row by row, so file size is bounded by the store, not by this class. Rows
 * are judged one at a time: a bad row is reported and skipped, good rows land. Because the store is
 * keyed by meter and block, importing the same file twice adds nothing the second time.
 */
public final class MeterDataImporter {
  /** Header line of the MDMS batch file. */
  public static final String CSV_HEADER =
      "meter_id,block_start,block_minutes,import_kwh,export_kwh";

  // The wire factory: UTF-8 JSON text only, and numbers bounded before anything reads their value.
  private static final ObjectMapper JSON =
      new ObjectMapper(org.uei.p2p.model.json.BecknJson.newWireFactory())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final MeterDirectory meters;
  private final MeterReadingStore store;
  private final ZoneId zone;

  /** Whether byte-level imports keep what they learnt about meters for the next import. */
  private final boolean remembering;

  /** The lane of the last byte-level import, when remembering. */
  private AsciiRowLane lane;

  /**
   * An importer checking meters against {@code meters}, storing into {@code store}, and checking
   * block alignment in {@code zone} (an hour block in IST starts at :30 UTC).
   */
  public MeterDataImporter(MeterDirectory meters, MeterReadingStore store, ZoneId zone) {
    this(meters, store, zone, false);
  }

  private MeterDataImporter(
      MeterDirectory meters, MeterReadingStore store, ZoneId zone, boolean remembering) {
    this.meters = meters;
    this.store = store;
    this.zone = zone;
    this.remembering = remembering;
  }

  /**
   * An importer for a run of daily batches into one store, as a day-by-day settlement makes: what
   * {@link #importCsv(InputStream)} learns about a meter id in one batch (that the directory knows
   * it, where the store keeps it) is kept for the next batches, so each day does not look every
   * meter up again. A meter the directory did not know is asked about again in the next batch; one
   * it knew stays known for the rest of the run, so the directory may grow during a run but should
   * not drop meters. Reports are those of {@link #MeterDataImporter(MeterDirectory,
   * MeterReadingStore, ZoneId)}. Unlike that one, not thread-safe.
   */
  public static MeterDataImporter forDailyRun(
      MeterDirectory meters, MeterReadingStore store, ZoneId zone) {
    return new MeterDataImporter(meters, store, zone, true);
  }

  /** Imports an MDMS batch CSV. Reading stops only on an I/O error; bad rows are reported. */
  public ImportReport importCsv(Reader reader) throws IOException {
    BufferedReader in =
        reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    Tally tally = new Tally();
    String header = in.readLine();
    if (header == null || !CSV_HEADER.equals(stripBom(header).strip())) {
      tally.reject(1, "line 1", Reason.WRONG_HEADER, "expected header '" + CSV_HEADER + "'");
      return tally.report();
    }
    MeterRowParser parser = new MeterRowParser(meters, zone);
    String[] fields = new String[5];
    long lineNo = 1;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (!line.isBlank()) {
        tally.rows++;
        judge(tally, lineNo, line, parser, fields);
      }
    }
    return tally.report();
  }

  /**
   * Imports an MDMS batch CSV from its UTF-8 bytes, with the same outcome as {@link
   * #importCsv(Reader)} over an {@code InputStreamReader} (malformed bytes read as U+FFFD) but
   * faster: plainly valid ASCII rows are stored straight from the bytes, and only the rest are
   * turned into strings and judged field by field.
   */
  public ImportReport importCsv(InputStream csv) throws IOException {
    CsvLines lines = new CsvLines(csv);
    Tally tally = new Tally();
    if (!lines.next() || !CSV_HEADER.equals(stripBom(lines.text()).strip())) {
      tally.reject(1, "line 1", Reason.WRONG_HEADER, "expected header '" + CSV_HEADER + "'");
      return tally.report();
    }
    MeterRowParser parser = new MeterRowParser(meters, zone);
    AsciiRowLane lane;
    if (remembering && this.lane != null) {
      lane = this.lane;
      lane.startImport(parser);
    } else {
      lane = new AsciiRowLane(parser, store);
      this.lane = remembering ? lane : null;
    }
    String[] fields = new String[5];
    long lineNo = 1;
    while (lines.next()) {
      lineNo++;
      if (lines.ascii()) {
        if (AsciiRowLane.isBlank(lines.bytes(), lines.start(), lines.end())) {
          continue;
        }
        tally.rows++;
        switch (lane.land(lines)) {
          case ADDED -> tally.added++;
          case UNCHANGED -> tally.unchanged++;
          case DECLINED -> judge(tally, lineNo, lines.text(), parser, fields);
        }
      } else {
        String line = lines.text();
        if (!line.isBlank()) {
          tally.rows++;
          judge(tally, lineNo, line, parser, fields);
        }
      }
    }
    return tally.report();
  }

  /** Judges one non-blank CSV row and stores it or records why not. */
  private static void judge(
      Tally tally, long lineNo, String line, MeterRowParser parser, String[] fields) {
    if (split(line, fields) != 5) {
      tally.reject(
          lineNo, "line " + lineNo, Reason.MALFORMED_ROW, "expected 5 comma-separated fields");
      return;
    }
    tally.land(lineNo, null, parser.parse(fields[0], fields[1], fields[2], fields[3], fields[4]));
  }

  /**
   * Imports the JSON ingestion shape; a document that is not that shape is an {@link IOException}.
   */
  public ImportReport importJson(InputStream json) throws IOException {
    Tally tally = new Tally();
    MeterRowParser parser = new MeterRowParser(meters, zone);
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("meter data must be a JSON object with a 'readings' array");
      }
      boolean found = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (!"readings".equals(name)) {
          p.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          throw new IOException("'readings' must be an array");
        }
        found = true;
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          long line = p.currentLocation().getLineNr();
          JsonNode row = p.readValueAsTree();
          String where = "readings[" + index++ + "]";
          tally.rows++;
          if (!row.isObject()) {
            tally.reject(line, where, Reason.MALFORMED_ROW, "reading must be an object");
            continue;
          }
          tally.land(
              line,
              where,
              parser.parse(
                  text(row, "meterId"),
                  text(row, "blockStart"),
                  text(row, "blockMinutes"),
                  text(row, "importKwh"),
                  text(row, "exportKwh")));
        }
      }
      if (!found) {
        throw new IOException("meter data has no 'readings' array");
      }
    }
    return tally.report();
  }

  private static String text(JsonNode row, String field) {
    JsonNode v = row.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
  }

  /** Splits on commas into {@code out}; returns the field count (more than 5 means too many). */
  private static int split(String line, String[] out) {
    int count = 0;
    int from = 0;
    while (true) {
      int comma = line.indexOf(',', from);
      String field = (comma < 0 ? line.substring(from) : line.substring(from, comma)).strip();
      if (count < out.length) {
        out[count] = field;
      }
      count++;
      if (comma < 0) {
        return count;
      }
      from = comma + 1;
    }
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /** Counts and rejections of one import. */
  private final class Tally {
    long rows;
    long added;
    long unchanged;
    final List<Rejection> rejections = new ArrayList<>();

    void reject(long line, String where, Reason reason, String message) {
      rejections.add(new Rejection(line, where, reason, message));
    }

    /**
     * Stores a parsed row or records its rejection; {@code where} null means {@code "line " +
     * line}.
     */
    void land(long line, String where, MeterRowParser.Parsed parsed) {
      if (parsed.reading() == null) {
        reject(line, at(line, where), parsed.reason(), parsed.message());
        return;
      }
      MeterReadingStore.PutResult result = store.put(parsed.reading());
      switch (result.outcome()) {
        case ADDED -> added++;
        case UNCHANGED -> unchanged++;
        case CONFLICTING_VALUE ->
            reject(
                line,
                at(line, where),
                Reason.DUPLICATE_BLOCK,
                "block "
                    + parsed.reading().blockStart()
                    + " of meter "
                    + parsed.reading().meterId()
                    + " was already given with import "
                    + result.stored().importKwh().toPlainString()
                    + " / export "
                    + result.stored().exportKwh().toPlainString()
                    + " kWh");
        case OVERLAPPING_BLOCK ->
            reject(
                line,
                at(line, where),
                Reason.OVERLAPPING_BLOCK,
                "block "
                    + parsed.reading().blockStart()
                    + " ("
                    + parsed.reading().blockMinutes()
                    + " min) overlaps the "
                    + result.stored().blockMinutes()
                    + "-minute block at "
                    + result.stored().blockStart());
      }
    }

    private static String at(long line, String where) {
      return where != null ? where : "line " + line;
    }

    ImportReport report() {
      return new ImportReport(rows, added, unchanged, rejections);
    }
  }
}
