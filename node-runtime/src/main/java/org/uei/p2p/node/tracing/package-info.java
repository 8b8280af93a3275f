/**
 * Traces and log context of a message's life: the W3C trace context a queued callback carries to
 * its later delivery ({@link org.uei.p2p.node.tracing.TraceParent}), the spans the runtime opens
 * around its own work ({@link org.uei.p2p.node.tracing.Tracing}) and the ids it puts on every log
 * line of a message ({@link org.uei.p2p.node.tracing.MessageLog}). Depends on the OpenTelemetry API
 * only; with the SDK off (the default) every span is a no-op.
 */
package org.uei.p2p.node.tracing;
