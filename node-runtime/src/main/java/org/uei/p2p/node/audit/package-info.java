/**
 * The node's tamper-evident audit log, built on module audit-log.
 *
 * <ul>
 *   <li>{@link org.uei.p2p.node.audit.AuditLog}: every signed protocol message the node stores
 *       (received or sent; raw body and signature headers) is queued for the log in the transaction
 *       that stores it, by observing {@link org.uei.p2p.node.store.MessageStored}, and appended in
 *       batches right after commit by {@link org.uei.p2p.node.audit.AuditAppender} (or at the next
 *       start; readers and the head signer append the queue first). Allocation and settlement
 *       records go in with {@link org.uei.p2p.node.audit.AuditLog#appendRecord}, atomically with
 *       the caller's transaction. Tree heads are signed with the node's Ed25519 key on demand and
 *       every 60 s when the log grew; every head is kept.
 *   <li>{@link org.uei.p2p.node.audit.JdbcLogStore}: the append-only database store (migration
 *       {@code V2_0__audit_log.sql}); no code path updates or deletes an entry or hash. The queue
 *       of messages waiting for the log is {@code audit_pending} ({@code V3_0}).
 *   <li>{@link org.uei.p2p.node.audit.AuditResource}: {@code /audit} HTTP API (signed head,
 *       entries, inclusion and consistency proofs, streamed export).
 *   <li>{@link org.uei.p2p.node.audit.AnchorStore} and {@link
 *       org.uei.p2p.node.audit.TreeHeadAnchors}: a counterparty's signed head carried in the order
 *       attributes of its messages, stored per transaction.
 * </ul>
 */
package org.uei.p2p.node.audit;
