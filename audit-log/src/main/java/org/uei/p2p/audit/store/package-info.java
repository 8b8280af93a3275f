/** Append-only storage of entries and complete-subtree hashes: in memory and in files. */
package org.uei.p2p.audit.store;
