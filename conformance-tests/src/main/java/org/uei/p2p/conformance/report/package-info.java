/**
 * Writes a {@link org.uei.p2p.conformance.ConformanceReport}: console summary, JUnit XML,
 * self-contained HTML.
 */
package org.uei.p2p.conformance.report;
