import { AuditorService } from '@backstage/backend-plugin-api';
import { RequestContext, userRefOf } from './caller';

/** An audit event a write records. */
export type AuditEvent = { eventId: string; meta: Record<string, string> };

/**
 * Who did it, when no request tells the auditor: an action called through the actions registry
 * (an agent over MCP, another plugin) acts with the caller's credentials but no request.
 */
function actorOf(ctx: RequestContext): Record<string, string> {
  if (ctx.request) return {};
  const { principal } = ctx.credentials as {
    principal: { type?: string; subject?: string };
  };
  return {
    actor:
      userRefOf(ctx.credentials) ?? principal.subject ?? principal.type ?? '',
    via: 'actions-registry',
  };
}

/**
 * Runs the write between its audit events' start and their success or failure (none, one or
 * several events: a change can be both a status change and a moderation).
 */
export async function audited<T>(
  auditor: AuditorService,
  events: AuditEvent | AuditEvent[],
  ctx: RequestContext,
  write: () => Promise<T>,
): Promise<T> {
  const started = await Promise.all(
    [events].flat().map(event =>
      auditor.createEvent({
        eventId: event.eventId,
        severityLevel: 'medium',
        request: ctx.request,
        meta: { ...event.meta, ...actorOf(ctx) },
      }),
    ),
  );
  try {
    const result = await write();
    await Promise.all(started.map(event => event.success()));
    return result;
  } catch (error) {
    await Promise.all(
      started.map(event => event.fail({ error: error as Error })),
    );
    throw error;
  }
}
