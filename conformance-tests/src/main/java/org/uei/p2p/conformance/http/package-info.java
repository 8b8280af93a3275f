/**
 * The kit's HTTP: a client that sends Beckn messages signed correctly or deliberately wrongly, and
 * a listener that receives the other side's messages, checks their signatures and keeps them as
 * evidence.
 */
package org.uei.p2p.conformance.http;
