/**
 * What a conformance run needs before its first case, checked up front: the registry answers, the
 * target answers, both keys are in the registry. A failed check is a setup error with the fix, not
 * a finding about the system under test.
 */
package org.uei.p2p.conformance.setup;
