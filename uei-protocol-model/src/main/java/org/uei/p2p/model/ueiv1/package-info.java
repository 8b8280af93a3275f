/**
 * UEI v1: the UEI layer-2 configuration for P2P energy trading over Beckn 1.1.0 (domain {@code
 * uei:p2p-trading}), the wire of the UP pilot. Messages are read-only views over the parsed JSON
 * ({@link org.uei.p2p.model.ueiv1.UeiV1Envelope}), so what is read is written back unchanged; the
 * classic {@code order} carries {@code items}, {@code fulfillments}, {@code quote} and {@code
 * payments}, and {@code search}/{@code on_search} take the place of discover. Validation is {@link
 * org.uei.p2p.model.validation.UeiV1Validator}, the mapping onto the trade model {@link
 * org.uei.p2p.model.codec.UeiV1Codec}.
 */
package org.uei.p2p.model.ueiv1;
