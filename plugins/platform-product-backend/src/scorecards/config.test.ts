import { mockServices } from '@backstage/backend-test-utils';
import { readScorecardRunConfig } from './config';

const read = (scorecards: object) =>
  readScorecardRunConfig(
    mockServices.rootConfig({ data: { platformProduct: { scorecards } } }),
  );

describe('readScorecardRunConfig', () => {
  it('has defaults: hourly, batches of 200, 400 days of history', () => {
    expect(read({})).toEqual({
      schedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 15 },
        initialDelay: { minutes: 1 },
      },
      batchSize: 200,
      historyDays: 400,
    });
  });

  it('reads the configured values', () => {
    expect(
      read({
        schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
        batchSize: 50,
        historyDays: 90,
      }),
    ).toEqual({
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
      batchSize: 50,
      historyDays: 90,
    });
  });

  it.each([
    [
      { batchSize: 0 },
      'platformProduct.scorecards.batchSize must be a whole number from 1 to 1,000, got 0',
    ],
    [
      { batchSize: 2.5 },
      'platformProduct.scorecards.batchSize must be a whole number from 1 to 1,000, got 2.5',
    ],
    [
      { historyDays: -1 },
      'platformProduct.scorecards.historyDays must be a whole number from 1 to 100,000, got -1',
    ],
    [{ historyDays: 'many' }, /platformProduct\.scorecards\.historyDays/],
    [{ schedule: { frequency: 'often' } }, /frequency/],
  ])('stops at %j, naming the key', (scorecards, message) => {
    expect(() => read(scorecards)).toThrow(message);
  });
});
