/** W3C verifiable credentials for UEI participants: parse, issue, verify, revoke. */
package org.uei.p2p.credentials;
