package org.uei.p2p.node.store;

/**
 * Fired inside the transaction that stored a message, so that an observer (an audit log, say)
 * records it atomically with the message: if the observer fails, the message is not stored either.
 *
 * @param message the row just stored, with its raw body and headers
 */
public record MessageStored(StoredMessage message) {}
