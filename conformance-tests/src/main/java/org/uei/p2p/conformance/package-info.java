/**
 * The conformance kit: a black-box check of a joiner's BAP or BPP over signed HTTP only.
 *
 * <p>{@link org.uei.p2p.conformance.bpp.BppConformance} plays a buyer platform against a seller
 * platform at a URL; {@link org.uei.p2p.conformance.bap.BapConformance} plays a seller platform
 * that a buyer platform is pointed at. Each run yields a {@link ConformanceReport} of {@link
 * CaseResult}s, one per {@link ConformanceCase}, which the {@code report} package writes as a
 * console summary, JUnit XML and a self-contained HTML page.
 */
package org.uei.p2p.conformance;
