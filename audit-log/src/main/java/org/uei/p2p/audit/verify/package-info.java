/** Offline export of a log and its verification with nothing but the node's public key. */
package org.uei.p2p.audit.verify;
