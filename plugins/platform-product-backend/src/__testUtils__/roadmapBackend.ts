import { SchedulerService } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import { startPlatformProductBackend } from './backend';
import { ADMIN, as, CONDY, JANE, OUTSIDER, OWEN, READER } from './people';
import { policyOf, whereProductManager } from './policy';
import { X } from './products';

export const api = '/api/platform-product';
export const service = () => mockCredentials.service.header();

/**
 * The roadmap tests' policy: services read; X's team (JANE, OWEN) manage its roadmap and
 * triage its feedback, CONDY manages as the PM of Z (a conditional decision), ADMIN
 * moderates, READER may read products but not their feedback, OUTSIDER nothing.
 */
function decide(permission: string, user: string | undefined): PolicyDecision {
  const allow = (allowed: boolean) => ({
    result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  if (user === undefined) return allow(true);
  if (user === OUTSIDER) return allow(false);
  if (permission.endsWith('.roadmap.manage') && user === CONDY) {
    return whereProductManager([CONDY]);
  }
  if (permission.endsWith('.roadmap.manage')) {
    return allow([JANE, OWEN].includes(user));
  }
  if (permission.endsWith('.respond'))
    return allow([JANE, OWEN].includes(user));
  if (permission.endsWith('.moderate')) return allow(user === ADMIN);
  if (permission.endsWith('.feedback.read')) return allow(user !== READER);
  return allow(true);
}

const policy = policyOf(decide);

/** The plugin on a fresh SQLite database with the roadmap policy, and calls as its users. */
export async function startRoadmapBackend(
  databases: TestDatabases,
  options: {
    notifications?: { send(o: NotificationSendOptions): Promise<void> };
    scheduler?: SchedulerService;
  } = {},
) {
  const knex: Knex = await databases.init('SQLITE_3');
  const started = await startPlatformProductBackend({
    knex,
    permissions: policy,
    notifications: options.notifications,
    scheduler: options.scheduler,
    platformProduct: {
      feedback: { authorSecret: 'test secret' },
      permissions: { decisionCacheTtl: { seconds: 0 } },
    },
  });
  const { server } = started;
  const call = (user: string) => ({
    get: (path: string, query: object = {}) =>
      request(server)
        .get(`${api}${path}`)
        .query(query)
        .set('Authorization', as(user)),
    post: (path: string, body: object) =>
      request(server)
        .post(`${api}${path}`)
        .set('Authorization', as(user))
        .send(body),
    patch: (path: string, body: object) =>
      request(server)
        .patch(`${api}${path}`)
        .set('Authorization', as(user))
        .send(body),
    put: (path: string) =>
      request(server).put(`${api}${path}`).set('Authorization', as(user)),
    delete: (path: string) =>
      request(server).delete(`${api}${path}`).set('Authorization', as(user)),
  });

  /** A post on X (or its part) by `user`, with votes from `voters`. */
  async function feedbackPost(
    user: string,
    voters: string[] = [],
    extra: object = {},
  ): Promise<{ id: string; title: string }> {
    const response = await call(user).post('/feedback', {
      entityRef: X,
      type: 'idea',
      title: `Idea of ${user.split('/')[1]}`,
      body: 'Please',
      ...extra,
    });
    expect(response.status).toBe(201);
    for (const voter of voters) {
      expect(
        (await call(voter).put(`/feedback/${response.body.id}/vote`)).status,
      ).toBe(200);
    }
    return response.body;
  }

  /** An item of X made by JANE. */
  async function roadmapItem(body: object = {}) {
    const response = await call(JANE).post('/roadmap/items', {
      productRef: X,
      title: 'Dark mode',
      horizon: 'next',
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; title: string; position: number };
  }

  /** What a refused write must leave as it was: the roadmap's rows and the posts'. */
  const snapshot = async () => ({
    items: await knex('roadmap_items').orderBy('id'),
    history: await knex('roadmap_item_history').orderBy('id'),
    people: await knex('roadmap_item_people').orderBy([
      'item_id',
      'person_hash',
    ]),
    products: await knex('roadmap_products'),
    posts: await knex('feedback_posts')
      .orderBy('id')
      .select('id', 'status', 'roadmap_item_id', 'updated_at'),
    counts: await knex('feedback_post_counts').orderBy([
      'status',
      'type',
      'shard',
    ]),
  });

  /** What a request answered (status, error message) and whether it wrote anything. */
  async function attempt(
    send: () => Promise<{
      status: number;
      body: { error?: { message: string } };
    }>,
  ) {
    const before = await snapshot();
    const response = await send();
    return {
      status: response.status,
      message: response.body.error?.message,
      wrote: !isDeepStrictEqual(await snapshot(), before),
    };
  }

  return { ...started, call, feedbackPost, roadmapItem, snapshot, attempt };
}
