import {
  BackendFeature,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import { startPlatformProductBackend } from './backend';
import { as, CONDY, JANE, OUTSIDER, OWEN } from './people';
import { policyOf, whereProductManager } from './policy';
import { scorecardEntities } from './scorecards';

const api = '/api/platform-product';

/**
 * The scorecard tests' policy: services read; X's team (JANE, OWEN) refresh every product,
 * CONDY reads and refreshes only the product he manages (Z, a conditional decision), OUTSIDER
 * nothing, everyone else reads.
 */
function decide(permission: string, user: string | undefined): PolicyDecision {
  const allow = (allowed: boolean) => ({
    result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  if (user === undefined) return allow(true);
  if (user === OUTSIDER) return allow(false);
  if (user === CONDY) return whereProductManager([CONDY]);
  if (permission.endsWith('.scorecard.refresh')) {
    return allow([JANE, OWEN].includes(user));
  }
  return allow(true);
}

export const scorecardPolicy = policyOf(decide);

/** The plugin over the scorecard products with the scorecard policy, and calls as its users. */
export async function startScorecardsBackend(
  knex: Knex,
  options: {
    scheduler?: SchedulerService;
    features?: BackendFeature[];
    scorecards?: JsonObject;
  } = {},
) {
  const started = await startPlatformProductBackend({
    knex,
    entities: scorecardEntities,
    permissions: scorecardPolicy,
    scheduler: options.scheduler,
    features: options.features,
    platformProduct: {
      feedback: { authorSecret: 'test secret' },
      permissions: { decisionCacheTtl: { seconds: 0 } },
      ...(options.scorecards && { scorecards: options.scorecards }),
    },
  });
  const { server } = started;
  const withAuth = (authorization: string) => ({
    get: (path: string, query: object = {}) =>
      request(server)
        .get(`${api}${path}`)
        .query(query)
        .set('Authorization', authorization),
    post: (path: string, body: object) =>
      request(server)
        .post(`${api}${path}`)
        .set('Authorization', authorization)
        .send(body),
  });
  return {
    ...started,
    call: (user: string) => withAuth(as(user)),
    asService: () => withAuth(mockCredentials.service.header()),
    anonymous: () => withAuth(mockCredentials.none.header()),
  };
}
