import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';

/** An audit event as the tests see it: its id, meta and how it ended. */
export type RecordedAuditEvent = {
  eventId: string;
  meta: unknown;
  outcome?: string;
};

/** An auditor that records each event and its outcome. */
export function recordingAuditor() {
  const events: RecordedAuditEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: RecordedAuditEvent = {
        eventId: options.eventId,
        meta: options.meta,
      };
      events.push(event);
      return {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async () => {
          event.outcome = 'fail';
        },
      };
    },
  });
  return { auditor, events };
}

/**
 * A logger that keeps every line (message, meta and the meta of the child loggers it came
 * through), to check what is never logged.
 */
export function recordingLogger() {
  const lines: string[] = [];
  const make = (fields: object): LoggerService => {
    const log = (message: string, meta?: unknown) => {
      const error =
        meta instanceof Error ? { error: meta.message, stack: meta.stack } : {};
      lines.push(
        `${message} ${JSON.stringify({
          ...fields,
          ...error,
          ...(meta instanceof Error ? {} : (meta as object)),
        })}`,
      );
    };
    return {
      error: log,
      warn: log,
      info: log,
      debug: log,
      child: meta => make({ ...fields, ...meta }),
    };
  };
  return { logger: make({}), lines };
}

/** The catalog mock over these entities, recording the refs read one by one. */
export function recordingCatalog(entities: Entity[]) {
  const reads: string[] = [];
  const catalog = catalogServiceMock({ entities });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  catalog.getEntityByRef = async (ref, options) => {
    reads.push(String(ref));
    return getEntityByRef(ref, options);
  };
  return { catalog, reads };
}

/** A notification service that records what it sends; `send` can be replaced to fail or wait. */
export function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    notifications: {
      send: async (options: NotificationSendOptions) => {
        sent.push(options);
      },
    },
  };
}
