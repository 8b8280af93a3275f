/**
 * The reference to a signed tree head that a node sends to its counterparty inside order
 * attributes.
 */
package org.uei.p2p.audit.anchor;
