/**
 * The seller platform on UEI v1 (Beckn 1.1.0, domain {@code uei:p2p-trading}), the UP pilot's wire:
 * search → on_search from the catalog, select → on_select, init → on_init, confirm → on_confirm and
 * status → on_status. Orders are read into the wire-neutral trade model and go through the same
 * admission, pricing, order and inventory code as the other wires.
 */
package org.uei.p2p.bpp.ueiv1;
