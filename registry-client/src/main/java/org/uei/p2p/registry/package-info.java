/**
 * Registry lookup and key resolution: where a node learns whom to trust.
 *
 * <p>{@link org.uei.p2p.registry.Registry} is one lookup interface over three sources: a Beckn 1.x
 * registry ({@link org.uei.p2p.registry.BecknRegistry}), a DeDi directory ({@link
 * org.uei.p2p.registry.DediRegistry}) and a fixed list ({@link
 * org.uei.p2p.registry.StaticRegistry}). All return {@link org.uei.p2p.registry.Subscriber} records
 * as published; {@link org.uei.p2p.registry.RegistryKeyResolver} decides which keys may be trusted
 * and caches the outcome for the signature verifier.
 */
package org.uei.p2p.registry;
