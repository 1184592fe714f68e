/**
 * The plugin-only bench backend: the Platform Product backend plugin alone in
 * `startTestBackend` (@backstage/backend-test-utils), as Backstage plugins are usually benchmarked:
 * mock credentials (`mock-user-token:{"sub": ...}`), the default allow-all permissions, the catalog
 * as `catalogServiceMock` over the bench's entities, notifications sent nowhere. No permission or
 * auth backend, no HTTP between plugins: what it measures is the plugin's own cost.
 *
 * Beside the plugin, a `bench` plugin in the same server gives the floor and the meters:
 *   GET  /api/bench/empty          an empty route behind the same auth middleware (user token)
 *   POST /api/bench/raw-rating     the floor of a rating route: the same middleware and JSON body,
 *                                  then the store's rating SQL written by hand with statements
 *                                  prepared once (bench/lib/feedbackSeed.mjs writeFloor)
 *   GET  /api/bench/meters         event-loop busy time and process CPU so far (unauthenticated)
 *   POST /api/bench/profile/start  start V8's sampling profiler (in this process)
 *   POST /api/bench/profile/stop   stop it, write the .cpuprofile to ?file=
 *
 * Started by bench/pluginOnly.mjs with node and the CLI's TypeScript require hook. Environment:
 *   PLUGIN_ONLY_ENGINE      sqlite | postgres
 *   PLUGIN_ONLY_PG_URL      the PostgreSQL server (postgres only)
 *   PLUGIN_ONLY_PG_PREFIX   database name prefix (postgres only)
 *   PLUGIN_ONLY_SQLITE_DIR  one SQLite file per plugin in this folder (sqlite only)
 *   PLUGIN_ONLY_ENTITIES    a JSON file with the catalog's entities
 *   PLUGIN_ONLY_SECRET      platformProduct.feedback.authorSecret
 * Prints one line `{"port": N}` on stdout once it listens.
 */
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import platformProductPlugin from '@platform-product/plugin-platform-product-backend';
import express from 'express';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const engine = env('PLUGIN_ONLY_ENGINE');
const database =
  engine === 'postgres'
    ? {
        client: 'pg',
        connection: env('PLUGIN_ONLY_PG_URL'),
        prefix: env('PLUGIN_ONLY_PG_PREFIX'),
      }
    : {
        client: 'better-sqlite3',
        connection: { directory: env('PLUGIN_ONLY_SQLITE_DIR') },
      };

const benchPlugin = createBackendPlugin({
  pluginId: 'bench',
  register(reg) {
    reg.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = express.Router();
        let profiler: Session | undefined;
        router.get('/empty', (_req, res) => {
          res.json({});
        });
        let rawRating: Promise<() => Promise<void>> | undefined;
        router.post('/raw-rating', express.json(), async (_req, res) => {
          rawRating ??= rawRatingFloor();
          await (
            await rawRating
          )();
          res.status(201).json({});
        });
        router.get('/meters', (_req, res) => {
          const elu = performance.eventLoopUtilization();
          const cpu = process.cpuUsage();
          res.json({
            loopActiveMs: elu.active,
            loopIdleMs: elu.idle,
            cpuMs: (cpu.user + cpu.system) / 1000,
            heapMb: process.memoryUsage().heapUsed / 2 ** 20,
          });
        });
        router.post('/profile/start', async (_req, res) => {
          profiler = new Session();
          profiler.connect();
          await profiler.post('Profiler.enable');
          await profiler.post('Profiler.setSamplingInterval', {
            interval: 500,
          });
          await profiler.post('Profiler.start');
          res.json({});
        });
        router.post('/profile/stop', async (req, res) => {
          if (!profiler) {
            res.status(409).json({ error: 'not profiling' });
            return;
          }
          const { profile } = await profiler.post('Profiler.stop');
          profiler.disconnect();
          profiler = undefined;
          fs.writeFileSync(String(req.query.file), JSON.stringify(profile));
          res.json({});
        });
        httpRouter.use(router);
        for (const path of ['/meters', '/profile']) {
          httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});

/** The rating's SQL alone, on its own connection(s) to the plugin's database. */
async function rawRatingFloor(): Promise<() => Promise<void>> {
  const { openPluginDb } = await import('../lib/rawdb.mjs');
  const { writeFloor } = await import('../lib/feedbackSeed.mjs');
  const db = await openPluginDb(
    engine === 'postgres'
      ? {
          engine,
          pgUrl: `${env('PLUGIN_ONLY_PG_URL')}/${env(
            'PLUGIN_ONLY_PG_PREFIX',
          )}platform-product`,
        }
      : {
          engine,
          sqliteFile: `${env(
            'PLUGIN_ONLY_SQLITE_DIR',
          )}/platform-product.sqlite`,
        },
  );
  return writeFloor(db.q, db, { authors: 2000, kind: 'rating' });
}

async function main() {
  const entities = JSON.parse(
    fs.readFileSync(env('PLUGIN_ONLY_ENTITIES'), 'utf8'),
  );
  const backend = await startTestBackend({
    features: [
      platformProductPlugin,
      benchPlugin,
      mockServices.rootConfig.factory({
        data: {
          backend: { database },
          platformProduct: {
            feedback: { authorSecret: env('PLUGIN_ONLY_SECRET') },
          },
        },
      }),
      catalogServiceMock.factory({ entities }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
    ],
  });
  process.stdout.write(`${JSON.stringify({ port: backend.server.port() })}\n`);
  const stop = async () => {
    await backend.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
