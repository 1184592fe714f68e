// Two backends on one PostgreSQL database, each with the real scheduler (the one of
// @backstage/backend-defaults, whose global tasks take a lock in that database), running the
// scorecard task every second: each run evaluates each product once, whichever replica runs it.
// The evaluator is the fake of __testUtils__/scorecards.ts, slowed down so that two replicas
// running the same schedule would overlap, and recording each call with its replica and times.
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { TestDatabases } from '@backstage/backend-test-utils';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { startScorecardsBackend, W, X, Y, Z } from '../__testUtils__';

type Call = { replica: number; products: string[]; start: number; end: number };
const mockCalls: Call[] = [];
jest.mock('./DatabaseProductEvaluator', () => {
  let replicas = 0;
  return {
    DatabaseProductEvaluator: {
      create: () => {
        const { fakeEvaluator } = jest.requireActual(
          '../__testUtils__/scorecards',
        );
        const replica = ++replicas;
        const fake = fakeEvaluator();
        return {
          evaluate: async (products: PlatformProductEntityV1alpha1[]) => {
            const start = Date.now();
            await new Promise(resolve => setTimeout(resolve, 300));
            const evaluations = await fake.evaluate(products);
            mockCalls.push({
              replica,
              products: fake.calls[fake.calls.length - 1],
              start,
              end: Date.now(),
            });
            return evaluations;
          },
        };
      },
    },
  };
});

jest.setTimeout(60_000);

const CADENCE_MS = 1000;
const WATCHED_MS = 4000;

describe('the scheduled run on two replicas', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'evaluates each product once per run, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const scorecards = {
        schedule: {
          frequency: { milliseconds: CADENCE_MS },
          timeout: { seconds: 30 },
        },
      };
      // one after the other: the first one migrates the database
      const replicas = [
        await startScorecardsBackend(knex, {
          features: [schedulerServiceFactory],
          scorecards,
        }),
        await startScorecardsBackend(knex, {
          features: [schedulerServiceFactory],
          scorecards,
        }),
      ];
      // both replicas for a while, then the second one alone
      const watchedFrom = Date.now();
      await new Promise(resolve => setTimeout(resolve, WATCHED_MS));
      await replicas[0].stop();
      const firstStopped = Date.now();
      await new Promise(resolve => setTimeout(resolve, WATCHED_MS));
      await replicas[1].stop();
      const watched = Date.now() - watchedFrom;

      const runs = [...mockCalls].sort((a, b) => a.start - b.start);
      // every run saw every product once (one batch of four)
      expect(runs.length).toBeGreaterThanOrEqual(2);
      for (const run of runs) {
        expect(run.products).toEqual([W, X, Y, Z]);
      }
      // one run at a time, across both replicas
      for (let i = 1; i < runs.length; i++) {
        expect(runs[i].start).toBeGreaterThanOrEqual(runs[i - 1].end);
      }
      // one run per period, not one per replica and period
      expect(runs.length).toBeLessThanOrEqual(
        Math.ceil(watched / CADENCE_MS) + 1,
      );
      // the second replica took over once the first one stopped
      expect(
        runs.filter(run => run.start > firstStopped).map(run => run.replica),
      ).toContain(2);
      // the stored history: one snapshot per product and day, whoever wrote it
      await expect(
        knex('scorecard_snapshots').count({ count: '*' }),
      ).resolves.toEqual([{ count: '4' }]);
      // eslint-disable-next-line no-console
      console.log(
        `${runs.length} runs in ${watched} ms, by replica ${runs
          .map(run => run.replica)
          .join(', ')}`,
      );
    },
  );
});
