/**
 * What the reliability backends run on: a generated catalog (teams of users adopting the demo's
 * Deployment Platform, so that one announcement has an audience worth killing a replica in the
 * middle of) beside the demo catalog, and a config overlay per replica (its port, the private
 * PostgreSQL, the events bus on, short task schedules, debug logs of the plugin's task runs).
 */
import fs from 'node:fs';
import path from 'node:path';

export const AUTHOR_SECRET = 'reliability-only-throwaway-secret';
export const PRODUCT = 'platformproduct:default/deployment-platform';
export const PM = 'jane.doe';
export const teamRef = t => `group:default/rel-team-${t}`;
export const userName = (t, m) => `rel-user-${t}-${m}`;

/** TEAMS x MEMBERS users; each team owns a component that depends on a part of the product. */
export function writeCatalog(file, { teams, members }) {
  const docs = [];
  for (let t = 0; t < teams; t++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `rel-team-${t}` },
      spec: { type: 'team', children: [] },
    });
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `rel-service-${t}` },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: teamRef(t),
        dependsOn: ['component:default/deploy-cli'],
      },
    });
    for (let m = 0; m < members; m++) {
      docs.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: userName(t, m) },
        spec: { memberOf: [teamRef(t)] },
      });
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, docs.map(d => JSON.stringify(d)).join('\n---\n'));
  return teams * members;
}

/** One replica's overlay on ../app-config.yaml (paths relative to packages/backend). */
export function writeConfig(file, { port, pgUrl, catalogFile, knexConfig }) {
  const config = {
    app: { baseUrl: `http://127.0.0.1:${port}` },
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database: {
        client: 'pg',
        connection: pgUrl,
        ...(knexConfig && { knexConfig }),
      },
      logger: {
        // one line per run of each of the plugin's scheduled tasks
        overrides: [
          { matchers: { plugin: 'platform-product' }, level: 'debug' },
        ],
      },
    },
    auth: {
      providers: {
        guest: {
          userEntityRef: `user:default/${PM}`,
          dangerouslyAllowOutsideDevelopment: true,
        },
      },
    },
    catalog: {
      processingInterval: { minutes: 30 },
      locations: [
        {
          type: 'file',
          target: '../../examples/org.yaml',
          rules: [{ allow: ['User', 'Group'] }],
        },
        { type: 'file', target: '../../examples/entities.yaml' },
        { type: 'file', target: '../../examples/products.yaml' },
        {
          type: 'file',
          target: path.relative(
            path.resolve(path.dirname(file), '../../packages/backend'),
            catalogFile,
          ),
          rules: [{ allow: ['User', 'Group', 'Component'] }],
        },
      ],
    },
    // several replicas: the default (auto), so signals reach users on every replica
    events: { useEventBus: 'auto' },
    // Backstage's default throttle (10 per 50 ms): a delivery lasts long enough to be cut
    notifications: {
      concurrencyLimit: 10,
      throttleInterval: { milliseconds: 50 },
    },
    platformProduct: {
      feedback: {
        authorSecret: AUTHOR_SECRET,
        // the load writes far more than a person would
        dailyLimitPerUser: 1_000_000,
      },
      announcements: {
        publishSchedule: {
          frequency: { seconds: 3 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 1 },
        },
        deliveryClaimTimeout: { seconds: 12 },
      },
      adoption: {
        // minutes: 0 clears the demo's { minutes: N } in app-config.yaml (config objects merge)
        snapshotSchedule: {
          frequency: { minutes: 0, seconds: 5 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 1 },
        },
      },
      scorecards: {
        schedule: {
          frequency: { minutes: 0, seconds: 10 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 2 },
        },
      },
      roadmap: {
        shipmentSchedule: {
          frequency: { seconds: 5 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 1 },
        },
      },
      permissions: { decisionCacheTtl: { seconds: 5 } },
    },
    search: {
      collators: {
        platformProduct: {
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 15 },
            initialDelay: { hours: 24 },
          },
        },
        catalog: {
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 15 },
            initialDelay: { hours: 24 },
          },
        },
      },
    },
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // JSON is YAML
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
}
