package org.uei.p2p.market.meter;

import java.util.List;

/**
 * Outcome of importing one batch of meter data: how many rows were read, stored, already present,
 * and the rejected ones with their reasons.
 *
 * @param rowsRead   data rows read (header excluded)
 * @param added      rows stored for the first time
 * @param unchanged  rows identical to a block already stored
 * @param rejections rows not stored, in input order
 */
public record ImportReport(long rowsRead, long added, long unchanged, List<Rejection> rejections) {

    /** Copies the rejection list. */
    public ImportReport {
        rejections = List.copyOf(rejections);
    }

    /** Whether every row was stored or already present. */
    public boolean clean() {
        return rejections.isEmpty();
    }
}
