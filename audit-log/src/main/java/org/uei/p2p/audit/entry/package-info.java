/**
 * What goes into the log (signed protocol messages, allocation and settlement records) and its
 * canonical bytes.
 */
package org.uei.p2p.audit.entry;
