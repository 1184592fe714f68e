import { ServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { startPlatformProductBackend } from './backend';
import { demoPolicyDecision, permissionsOfPolicy } from './demoPolicy';
import { componentEntity, userEntity } from './entities';
import { until } from './until';

/**
 * The world of the permission matrix and the hostile-input table: product X (PM jane, owned
 * by platform-team: owen), used by team-a (dev) through its part x-cli; alice belongs to
 * neither; admin is in the admins group and allowed everything; denied is refused everything.
 */
export const WORLD = {
  product: 'platformproduct:default/x',
  part: 'component:default/x-cli',
  /** part of a system, not of a product */
  lonely: 'component:default/lonely',
  pm: 'user:default/jane',
  owner: 'user:default/owen',
  adopter: 'user:default/dev',
  outsider: 'user:default/alice',
  admin: 'user:default/admin',
  denied: 'user:default/denied',
  /** writes the fixtures nobody of the callers wrote: no caller is their author */
  author: 'user:default/bob',
} as const;

export const worldEntities: Entity[] = [
  {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'x', title: 'Product X' },
    spec: {
      owner: 'group:default/platform-team',
      productManager: WORLD.pm,
      lifecycle: 'production',
      parts: [WORLD.part],
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/platform-team' },
      { type: 'hasPart', targetRef: WORLD.part },
    ],
  },
  componentEntity('x-cli', [
    { type: 'partOf', targetRef: WORLD.product },
    { type: 'dependencyOf', targetRef: 'component:default/checkout' },
  ]),
  componentEntity('checkout', [
    { type: 'dependsOn', targetRef: WORLD.part },
    { type: 'ownedBy', targetRef: 'group:default/team-a' },
  ]),
  componentEntity('lonely', [
    { type: 'partOf', targetRef: 'system:default/sys' },
  ]),
  ...['platform-team', 'team-a', 'admins'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
  })),
  userEntity('jane', []),
  userEntity('owen', ['platform-team']),
  userEntity('dev', ['team-a']),
  userEntity('alice', []),
  userEntity('admin', ['admins']),
  userEntity('denied', []),
  userEntity('bob', []),
];

/** The ownership refs the user-info service gives each user: themselves and their groups. */
const ownership: Record<string, string[]> = {
  [WORLD.owner]: [WORLD.owner, 'group:default/platform-team'],
  [WORLD.adopter]: [WORLD.adopter, 'group:default/team-a'],
  [WORLD.admin]: [WORLD.admin, 'group:default/admins'],
};

/** The demo policy, except that admin is allowed everything and denied nothing. */
export const worldPermissions = permissionsOfPolicy((permission, user) => {
  if (user?.userEntityRef === WORLD.admin) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (user?.userEntityRef === WORLD.denied) {
    return { result: AuthorizeResult.DENY };
  }
  return demoPolicyDecision(permission, user);
}, ownership);

/** Each caller of the matrix and the Authorization header it sends (none for the first). */
export const CALLERS = {
  'no token': undefined,
  'invalid token': mockCredentials.user.invalidHeader(),
  service: mockCredentials.service.header(),
  outsider: mockCredentials.user.header(WORLD.outsider),
  adopter: mockCredentials.user.header(WORLD.adopter),
  pm: mockCredentials.user.header(WORLD.pm),
  owner: mockCredentials.user.header(WORLD.owner),
  admin: mockCredentials.user.header(WORLD.admin),
  denied: mockCredentials.user.header(WORLD.denied),
} as const;
export type Caller = keyof typeof CALLERS;

/** One request to the plugin: its path under the plugin's base, query and JSON body. */
export type Call = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
  /** a raw body with this content type instead of JSON */
  raw?: { type: string; data: string };
};

export const API = '/api/platform-product';

/**
 * The plugin in a test backend on this database with the world above; `feedback` replaces the
 * feedback config (author secret, daily limit), `auditor` the recording auditor.
 */
export async function startWorldBackend(
  knex: Knex,
  options: { feedback?: JsonObject; auditor?: ServiceFactory } = {},
) {
  const backend = await startPlatformProductBackend({
    knex,
    entities: worldEntities,
    permissions: worldPermissions,
    // a request without a token is anonymous, as in production (the mock's default is a user)
    features: [
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
    auditor: options.auditor,
    platformProduct: {
      feedback: options.feedback ?? {
        authorSecret: 'test secret',
        dailyLimitPerUser: 100_000,
      },
    },
  });
  const send = (call: Call, header: string | undefined) => {
    const method = request(backend.server)[call.method](`${API}${call.path}`);
    if (header) method.set('Authorization', header);
    if (call.query) method.query(call.query as object);
    if (call.raw) {
      return method.set('Content-Type', call.raw.type).send(call.raw.data);
    }
    return call.body === undefined ? method : method.send(call.body as object);
  };
  /** A call that must succeed, as a user: to make fixtures. */
  const as = async (user: string, call: Call) => {
    const response = await send(call, mockCredentials.user.header(user));
    if (response.status >= 300) {
      throw new Error(
        `${call.method} ${call.path} as ${user}: ${
          response.status
        } ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  };
  const fixtures = {
    /** a feedback post of X by the author */
    post: async (): Promise<string> =>
      (
        await as(WORLD.author, {
          method: 'post',
          path: '/feedback',
          body: { entityRef: WORLD.product, type: 'idea', title: 'Faster' },
        })
      ).id,
    /** a reply of the author on a post */
    reply: async (postId: string): Promise<string> =>
      (
        await as(WORLD.author, {
          method: 'post',
          path: `/feedback/${postId}/replies`,
          body: { body: 'More' },
        })
      ).id,
    /**
     * A published announcement of X: an event (with a calendar entry), a deprecation (asks
     * for an acknowledgement) or a pinned maintenance notice (a banner one can dismiss).
     */
    announcement: async (
      kind: 'event' | 'deprecation' | 'banner' = 'event',
    ): Promise<string> =>
      (
        await as(WORLD.admin, {
          method: 'post',
          path: '/announcements',
          body: {
            productRef: WORLD.product,
            title: 'Office hours',
            summary: 'Come by',
            body: 'Questions welcome',
            ...{
              event: {
                type: 'event',
                event: {
                  start: '2030-01-01T10:00:00Z',
                  end: '2030-01-01T11:00:00Z',
                },
              },
              deprecation: {
                type: 'deprecation',
                effectiveAt: '2030-01-01T00:00:00Z',
              },
              banner: { type: 'maintenance', pinned: true },
            }[kind],
          },
        })
      ).id,
    /** a roadmap item of X */
    roadmapItem: async (): Promise<string> =>
      (
        await as(WORLD.admin, {
          method: 'post',
          path: '/roadmap/items',
          body: { productRef: WORLD.product, title: 'Canary', horizon: 'now' },
        })
      ).id,
    /** a roadmap item with a post linked to it */
    link: async () => {
      const [itemId, postId] = await Promise.all([
        fixtures.roadmapItem(),
        fixtures.post(),
      ]);
      await as(WORLD.admin, {
        method: 'put',
        path: `/roadmap/items/${itemId}/links/${postId}`,
      });
      return { itemId, postId };
    },
  };
  /** Until every published announcement is delivered: deliveries run after the answer. */
  const settled = () =>
    until(
      async () =>
        !(await backend
          .knex('announcements')
          .whereNotNull('published_at')
          .whereNull('delivered_at')
          .first()),
    );
  return { ...backend, send, as, fixtures, settled };
}

export type WorldBackend = Awaited<ReturnType<typeof startWorldBackend>>;

/** Every row of every table of the plugin, to check that a call wrote nothing. */
export async function snapshotTables(knex: Knex): Promise<string[]> {
  const tables: string[] =
    knex.client.config.client === 'pg'
      ? (
          await knex('information_schema.tables')
            .where({ table_schema: knex.raw('current_schema()') })
            .select('table_name')
        ).map(row => row.table_name)
      : (
          await knex('sqlite_master').where({ type: 'table' }).select('name')
        ).map(row => row.name);
  const own = tables.filter(
    name => !name.startsWith('knex_') && !name.startsWith('sqlite_'),
  );
  const rows = await Promise.all(
    own
      .sort()
      .map(async table =>
        (await knex(table).select())
          .map(row => `${table} ${JSON.stringify(row)}`)
          .sort(),
      ),
  );
  return rows.flat();
}

/** The row count of each table of the plugin. */
export async function rowCounts(knex: Knex): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const line of await snapshotTables(knex)) {
    const table = line.slice(0, line.indexOf(' '));
    counts[table] = (counts[table] ?? 0) + 1;
  }
  return counts;
}

/**
 * The routes an express router serves, as `METHOD /path`, walking its stack and the stacks
 * of the routers mounted in it (at their root, as the plugin mounts its capabilities).
 */
export function routesOf(router: express.Router): string[] {
  type Layer = {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  };
  const walk = (stack: Layer[]): string[] =>
    stack.flatMap(layer => {
      if (layer.route) {
        return Object.keys(layer.route.methods)
          .filter(method => method !== '_all')
          .map(method => `${method.toUpperCase()} ${layer.route!.path}`);
      }
      return layer.handle?.stack ? walk(layer.handle.stack) : [];
    });
  return walk((router as unknown as { stack: Layer[] }).stack);
}
