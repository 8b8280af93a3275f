/**
 * The monthly reconciliation a DISCOM adds to its consumers' bills, as CSV for its billing system.
 */
package org.uei.p2p.market.billing;
