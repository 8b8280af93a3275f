package org.uei.p2p.conformance;

/**
 * One HTTP exchange kept as evidence for a case: what was sent and what came back, as text a person
 * can read (request line, headers, body).
 *
 * @param title what the exchange was for, e.g. "select with quantity -1"
 * @param sent the request as sent
 * @param received the answer, or what happened instead (no answer, timeout)
 */
public record Exchange(String title, String sent, String received) {}
