/**
 * Beckn HTTP message signatures (BECKN-006): body digest, signing string, the {@code
 * Authorization}, {@code X-Gateway-Authorization} and response {@code Signature} headers, and their
 * verification against keys found by a {@link org.uei.p2p.signing.KeyResolver}.
 */
package org.uei.p2p.signing;
