/**
 * The wires a node speaks (DEG wave 1, IES wave 2) as the rest of the runtime sees them: a
 * wire-neutral view of a parsed message and its context ({@link
 * org.uei.p2p.node.wire.WireEnvelope}, {@link org.uei.p2p.node.wire.WireContext}), the reader that
 * tells a body's wire and parses it, and the ACK/NACK bodies of each wire. Depends on the protocol
 * model only.
 */
package org.uei.p2p.node.wire;
