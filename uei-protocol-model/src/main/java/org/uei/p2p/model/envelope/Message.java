package org.uei.p2p.model.envelope;

import org.uei.p2p.model.wave1.WireObject;

/**
 * The {@code message} of an envelope. Each action has its own subclass ({@link
 * Action#messageType()}); actions this library does not model read as a plain {@code Message} with
 * all members in {@link #getExtra()}.
 */
public class Message extends WireObject {}
