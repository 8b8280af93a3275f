package org.uei.p2p.node.jobs;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a scheduled method as one of the node's jobs: once the node is stopping it does not start,
 * and the node lets a run already under way finish before it closes its database (see {@link
 * RunningJobs}). Every {@code @Scheduled} method of a node carries it.
 */
@InterceptorBinding
@Target({METHOD, TYPE})
@Retention(RUNTIME)
public @interface NodeJob {}
