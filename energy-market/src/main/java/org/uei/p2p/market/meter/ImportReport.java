package org.uei.p2p.market.meter;

import java.io.IOException;
import java.util.List;

/**
 * Outcome of importing one batch of meter data: how many rows were read, stored, already present,
 * and the rejected ones with their reasons.
 *
 * @param rowsRead data rows read (header excluded)
 * @param added rows stored for the first time
 * @param unchanged rows identical to a block already stored
 * @param rejections rows not stored, in input order
 */
public record ImportReport(long rowsRead, long added, long unchanged, List<Rejection> rejections) {

  /** Copies the rejection list. */
  public ImportReport {
    rejections = List.copyOf(rejections);
  }

  /** Header of the rejection report written by {@link #writeRejections}. */
  public static final String REJECTIONS_HEADER = "line,location,reason,message";

  /** The rejection report as CSV, header first: what a DISCOM needs to correct and resend. */
  public void writeRejections(Appendable out) throws IOException {
    out.append(REJECTIONS_HEADER).append('\n');
    for (Rejection r : rejections) {
      out.append(Long.toString(r.line()))
          .append(',')
          .append(quote(r.location()))
          .append(',')
          .append(r.reason().name())
          .append(',')
          .append(quote(r.message()))
          .append('\n');
    }
  }

  private static String quote(String s) {
    return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
  }

  /** Whether every row was stored or already present. */
  public boolean clean() {
    return rejections.isEmpty();
  }
}
