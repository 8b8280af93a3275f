/**
 * {@code uei meter import} and {@code uei settlement report}: the energy market of a running node
 * from the shell.
 */
package org.uei.p2p.cli.market;
