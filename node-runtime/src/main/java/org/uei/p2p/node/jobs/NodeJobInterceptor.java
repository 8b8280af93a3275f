package org.uei.p2p.node.jobs;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Counts each {@link NodeJob} run in and out of {@link RunningJobs}, and skips a run that would
 * start while the node is stopping. Outside any transaction interceptor, so that a run's
 * transaction has ended, committed or rolled back, before the node stops waiting for it.
 */
@NodeJob
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
class NodeJobInterceptor {

  @Inject RunningJobs jobs;

  @AroundInvoke
  Object run(InvocationContext context) throws Exception {
    String job =
        context.getMethod().getDeclaringClass().getSimpleName()
            + "."
            + context.getMethod().getName();
    if (!jobs.enter(job)) {
      return null;
    }
    try {
      return context.proceed();
    } finally {
      jobs.exit(job);
    }
  }
}
