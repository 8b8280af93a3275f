/**
 * Configuration of the policies: environments (test, production) selected by network id, their
 * DISCOM lists, ledger endpoints and charges, and the loader that reads them from a JSON file with
 * one-line errors naming file, line and key.
 */
package org.uei.p2p.market.policy.config;
