package org.uei.p2p.audit.entry;

import java.time.Instant;

/**
 * One leaf of the audit log. Its canonical bytes ({@link #encode()}) are what the leaf hash covers,
 * so anyone holding the bytes can recompute the leaf and decode them back with {@link
 * EntryCodec#decode(byte[])}.
 */
public sealed interface LogEntry permits SignedMessageEntry, RecordEntry {

  /** When the entry was made (UTC). */
  Instant timestamp();

  /** The {@code transaction_id} the entry belongs to, or null when it belongs to none. */
  String transactionId();

  /** The canonical, unambiguous byte encoding; equal entries always give equal bytes. */
  default byte[] encode() {
    return EntryCodec.encode(this);
  }
}
