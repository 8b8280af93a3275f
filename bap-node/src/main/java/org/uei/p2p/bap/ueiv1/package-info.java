/**
 * The buyer platform on UEI v1 (Beckn 1.1.0, domain {@code uei:p2p-trading}), the UP pilot's wire:
 * the client API's requests as 1.1.0 messages (search for discover) and the 1.1.0 callbacks read
 * back into the same views the buyer app gets on the other wires.
 */
package org.uei.p2p.bap.ueiv1;
