import { loggedRun } from '../shared/taskRun';
import { chunks } from '../shared/chunks';
import { lower } from '../shared/caller';
import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { randomUUID } from 'node:crypto';
import { AdoptionService } from '../adoption/AdoptionService';
import {
  AnnouncementStore,
  DeliveryRecipient,
  StoredAnnouncement,
} from './AnnouncementStore';

/** Where the app shows a post. */
export const announcementLink = (id: string) =>
  `/platform-news/${encodeURIComponent(id)}`;

export const ANNOUNCEMENT_TOPIC = 'platform-product-announcements';
export const PUBLISH_TASK_ID = 'platform-product-announcements-publish';

export type AnnouncementPublisherOptions = {
  store: AnnouncementStore;
  catalog: CatalogService;
  auth: AuthService;
  adoption: AdoptionService;
  notifications: NotificationService;
  auditor: AuditorService;
  logger: LoggerService;
  now?: () => number;
  /** after this long a claimed delivery counts as crashed and is taken over; default 10 minutes */
  claimTimeoutMs?: number;
  /** recipients per notification; default 500 (a request body of ~20 kB) */
  chunkSize?: number;
  /** notifications in flight at once; default 4 */
  parallelChunks?: number;
};

/**
 * Publishes due posts and delivers them: Backstage notifications to the product's
 * audience (members of its adopting teams and its followers), or a broadcast for a
 * global post. Each delivery is claimed first with a conditional UPDATE, so of several
 * replicas only one delivers a post; the audience is recorded once and each recipient
 * is marked when their chunk went out, so a retry after a crash continues where the
 * delivery stopped. A chunk sent but not yet marked when the process died is sent again
 * with the same notification `scope`, which the notifications backend updates in place
 * rather than duplicating.
 */
export class AnnouncementPublisher {
  static create(options: AnnouncementPublisherOptions) {
    return new AnnouncementPublisher(options);
  }

  private constructor(private readonly options: AnnouncementPublisherOptions) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  private get claimTimeout() {
    return this.options.claimTimeoutMs ?? 10 * 60_000;
  }

  /** Runs every due delivery; returns how many posts it delivered. */
  async deliverDue(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const now = this.now();
      const ids = await this.options.store.dueForDelivery(
        now,
        now - this.claimTimeout,
        20,
      );
      if (!ids.length) return delivered;
      let progress = false;
      for (const id of ids) {
        try {
          if (await this.deliver(id)) {
            delivered += 1;
            progress = true;
          }
        } catch (error) {
          this.options.logger.warn(
            `Could not deliver announcement ${id}, will retry: ${error}`,
          );
        }
      }
      // what failed stays claimed until the timeout; the next run retries it
      if (!progress) return delivered;
    }
  }

  /**
   * Starts the delivery of a post that just became due without waiting for it: to thousands
   * of recipients it takes longer than a request may. A failure, or a process that dies
   * meanwhile, is left to the publish task: it takes over the unfinished delivery once its
   * claim timed out and resumes it.
   */
  deliverSoon(id: string): void {
    this.deliver(id).catch(error => {
      this.options.logger.warn(
        `Could not deliver announcement ${id} now, the publish task will retry: ${error}`,
      );
    });
  }

  /**
   * Delivers one post when it is due and nobody else is delivering it. Returns false
   * when there was nothing to do here; throws when a send failed (the next run resumes).
   */
  async deliver(id: string): Promise<boolean> {
    const { store, auditor, notifications } = this.options;
    const now = this.now();
    const claim = randomUUID();
    const post = await store.claimDelivery(
      id,
      claim,
      now,
      now - this.claimTimeout,
    );
    if (!post) return false;

    const audit = await auditor.createEvent({
      eventId: 'announcement-publish',
      severityLevel: 'medium',
      meta: { announcementId: id, productRef: post.productRef ?? 'global' },
    });
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const payload = await this.payload(post, credentials);
      if (post.productRef === null) {
        await notifications.send({
          recipients: { type: 'broadcast' },
          payload,
        });
      } else {
        if (!post.audienceRecorded) {
          const audience = await this.audience(post, credentials);
          if (!(await store.recordAudience(id, claim, audience, this.now()))) {
            return this.lost(id);
          }
        }
        // A few chunks in flight, each refilled as soon as it is done: the notifications
        // backend works on each recipient in turn (its settings, the scope, the insert, a
        // signal), so one chunk at a time would leave it waiting on us. Each chunk is marked as
        // soon as it went out; after a failure the chunks in flight settle, no new one starts.
        const chunkSize = this.options.chunkSize ?? 500;
        const parallel = this.options.parallelChunks ?? 4;
        for (;;) {
          const pending = await store.pendingRecipients(id, 10_000);
          if (!pending.length) break;
          const queue = chunks(pending, chunkSize);
          let lost = false;
          let failure: { error: unknown } | undefined;
          const worker = async () => {
            for (;;) {
              const users = queue.shift();
              if (!users || lost || failure) return;
              try {
                await notifications.send({
                  recipients: { type: 'entity', entityRef: users },
                  payload,
                });
                if (!(await store.markNotified(id, claim, users, this.now()))) {
                  lost = true;
                }
              } catch (error) {
                failure ??= { error };
              }
            }
          };
          await Promise.all(Array.from({ length: parallel }, worker));
          if (failure) throw failure.error;
          if (lost) return this.lost(id);
        }
      }
      if (!(await store.finishDelivery(id, claim, this.now()))) {
        return this.lost(id);
      }
      await audit.success();
      return true;
    } catch (error) {
      await audit.fail({ error: error as Error });
      // a failure we saw (not a crash) frees the post at once: the next run resumes it, rather
      // than waiting out the claim timeout; if this fails too, the timeout still applies
      await store.releaseDelivery(id, claim).catch(() => {});
      throw error;
    }
  }

  private lost(id: string) {
    this.options.logger.info(
      `Delivery of announcement ${id} was taken over by another run after a timeout`,
    );
    return false;
  }

  /** Only what anyone who may read the post sees: title, summary, link. */
  private async payload(
    post: StoredAnnouncement,
    credentials: BackstageCredentials,
  ): Promise<NotificationPayload> {
    let title = post.title;
    if (post.productRef) {
      const product = await this.options.catalog.getEntityByRef(
        post.productRef,
        { credentials },
      );
      const productTitle =
        product?.metadata.title ?? product?.metadata.name ?? post.productRef;
      title = `${productTitle}: ${post.title}`;
    }
    return {
      title,
      description: post.summary,
      link: announcementLink(post.id),
      severity: ['incident', 'deprecation'].includes(post.type)
        ? 'high'
        : 'normal',
      topic: ANNOUNCEMENT_TOPIC,
      scope: `platform-product:announcement:${post.id}`,
    };
  }

  /**
   * The members of the product's adopting teams (as the product page counts them) and
   * its followers; each user once, under the first of their adopting teams.
   */
  private async audience(
    post: StoredAnnouncement,
    credentials: BackstageCredentials,
  ): Promise<DeliveryRecipient[]> {
    const productRef = post.productRef!;
    const { catalog, adoption, store } = this.options;
    let teamRefs: string[] = [];
    try {
      const { teams } = await adoption.getAdoption(productRef, credentials);
      teamRefs = teams
        .map(team => team.teamRef)
        .filter((ref): ref is string => !!ref);
    } catch (error) {
      // a product gone from the catalog still reaches its followers
      if (!(error instanceof NotFoundError)) throw error;
    }
    const teamOf = new Map<string, string | null>();
    if (teamRefs.length) {
      const adopting = new Set(teamRefs);
      const { items: users } = await catalog.getEntities(
        {
          filter: { kind: 'User', 'relations.memberOf': teamRefs },
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
        },
        { credentials },
      );
      for (const user of users) {
        const teams = (user.relations ?? [])
          .filter(relation => relation.type === RELATION_MEMBER_OF)
          .map(relation => lower(relation.targetRef))
          .filter(ref => adopting.has(ref))
          .sort();
        if (teams.length) teamOf.set(lower(stringifyEntityRef(user)), teams[0]);
      }
    }
    for (const follower of await store.followers(productRef)) {
      if (!teamOf.has(follower)) teamOf.set(follower, null);
    }
    // the author wrote it: no need to tell them
    teamOf.delete(post.authorRef);
    return [...teamOf.entries()].map(([userRef, teamRef]) => ({
      userRef,
      teamRef,
    }));
  }
}

/** Publishes due posts on a schedule, once across replicas (the scheduler's lock). */
export async function scheduleAnnouncementPublishing(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  publisher: AnnouncementPublisher;
  logger: LoggerService;
}) {
  await options.scheduler.scheduleTask({
    id: PUBLISH_TASK_ID,
    ...options.schedule,
    fn: loggedRun(options.logger, PUBLISH_TASK_ID, async () => {
      const delivered = await options.publisher.deliverDue();
      if (delivered) {
        options.logger.info(`Delivered ${delivered} announcement(s)`);
      }
    }),
  });
}
