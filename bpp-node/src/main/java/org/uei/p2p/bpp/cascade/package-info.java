/**
 * The seller platform's cascade to DISCOM utility nodes ({@code uei.bpp.utilities}): init and
 * confirm wait for every utility's limit check, refusals release the reservation, and the
 * utilities' meter readings and curtailments flow back into settlement and to the buyer platform.
 */
package org.uei.p2p.bpp.cascade;
