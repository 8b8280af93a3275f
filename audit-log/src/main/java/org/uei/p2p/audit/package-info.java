/**
 * A tamper-evident, append-only audit log in the style of certificate transparency (RFC 9162):
 * {@link org.uei.p2p.audit.MerkleLog} over a pluggable {@link org.uei.p2p.audit.store.LogStore}.
 */
package org.uei.p2p.audit;
