package org.uei.p2p.bpp.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.uei.p2p.market.meter.ImportReport;
import org.uei.p2p.market.meter.Rejection;

/**
 * An import report as the JSON the meter-data API answers with and {@code uei meter import} prints.
 */
final class ImportReports {
  private ImportReports() {}

  static ObjectNode toJson(ImportReport r) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("rowsRead", r.rowsRead());
    n.put("added", r.added());
    n.put("unchanged", r.unchanged());
    n.put("rejected", r.rejections().size());
    var rows = n.putArray("rejections");
    for (Rejection x : r.rejections()) {
      rows.addObject()
          .put("line", x.line())
          .put("location", x.location())
          .put("reason", x.reason().name())
          .put("message", x.message());
    }
    return n;
  }
}
