package org.uei.p2p.bpp.delivery;

import org.uei.p2p.market.meter.ImportReport;

/**
 * Fired inside the transaction of a meter data import (API or drop file); observe it after success
 * to act on the data once it is committed.
 *
 * @param report what the import did
 */
public record MeterDataImported(ImportReport report) {}
