import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * A scheduled task's function with a debug line when each run starts and ends, so that an
 * operator (and reliability/run.mjs) can see which replica ran which run, and that runs of one
 * task never overlap across replicas. Turn them on with a logger override, e.g.
 * `backend.logger.overrides: [{ matchers: { plugin: platform-product }, level: debug }]`.
 */
export function loggedRun(
  logger: LoggerService,
  taskId: string,
  fn: () => Promise<void>,
): () => Promise<void> {
  return async () => {
    logger.debug(`Scheduled task ${taskId}: run started`);
    try {
      await fn();
    } finally {
      logger.debug(`Scheduled task ${taskId}: run finished`);
    }
  };
}
