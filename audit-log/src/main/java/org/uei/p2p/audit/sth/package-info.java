/** Signed tree heads: the log's size and root, signed by the node's Ed25519 key as compact JWS. */
package org.uei.p2p.audit.sth;
