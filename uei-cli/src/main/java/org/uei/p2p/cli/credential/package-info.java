/** {@code uei credential}: issue, verify and revoke participant verifiable credentials. */
package org.uei.p2p.cli.credential;
