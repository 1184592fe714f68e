import { ResponseError } from '@backstage/errors';
import { scoreTrendPoints } from '@platform-product/plugin-platform-product-common';
import { PlatformProductScorecardsClient } from './ScorecardsClient';
import { clientOnFakeBackend } from '../__testUtils__/clientOnFakeBackend';
import { jsonResponse } from '../__testUtils__/jsonResponse';

const productRef = 'platformproduct:default/deployment-platform';

const setup = (body: unknown = {}, status = 200) =>
  clientOnFakeBackend(PlatformProductScorecardsClient, () =>
    jsonResponse(body, status, status === 403 ? 'Forbidden' : 'OK'),
  );

describe('PlatformProductScorecardsClient', () => {
  it("gets a product's scorecard and its history by the product's ref", async () => {
    const scorecard = { productRef, level: 'silver', score: 72, checks: [] };
    const { client, call } = setup(scorecard);
    await expect(client.getScorecard(productRef)).resolves.toEqual(scorecard);
    await client.getScorecardHistory(productRef, { days: 30 });
    await client.getScorecardHistory(productRef);

    expect(call(0).method).toBe('GET');
    expect(call(0).url.pathname).toBe('/api/platform-product/scorecards');
    expect(Object.fromEntries(call(0).url.searchParams)).toEqual({
      productRef,
    });
    expect(call(1).url.pathname).toBe(
      '/api/platform-product/scorecards/history',
    );
    expect(Object.fromEntries(call(1).url.searchParams)).toEqual({
      productRef,
      days: '30',
    });
    // the server's default window when none is asked for
    expect(Object.fromEntries(call(2).url.searchParams)).toEqual({
      productRef,
    });
  });

  it('asks for a re-evaluation with the product in the body', async () => {
    const { client, call } = setup({ productRef, level: 'gold', score: 100 });
    await expect(client.refreshScorecard(productRef)).resolves.toMatchObject({
      level: 'gold',
    });
    expect(call().method).toBe('POST');
    expect(call().url.pathname).toBe(
      '/api/platform-product/scorecards/refresh',
    );
    expect(call().body).toEqual({ productRef });
  });

  it('sends only the portfolio filters that are set, the same to the export', async () => {
    const { client, call } = setup({ items: [] });
    await expect(client.getPortfolio()).resolves.toEqual({ items: [] });
    const options = {
      owner: 'group:default/platform-team',
      lifecycle: 'production' as const,
      level: 'none' as const,
      sort: '-score' as const,
    };
    await client.getPortfolio(options);
    await client.exportPortfolio(options);

    expect(call(0).url.pathname).toBe('/api/platform-product/portfolio');
    expect(call(0).url.search).toBe('');
    expect(Object.fromEntries(call(1).url.searchParams)).toEqual({
      owner: 'group:default/platform-team',
      lifecycle: 'production',
      level: 'none',
      sort: '-score',
    });
    expect(call(2).url.pathname).toBe('/api/platform-product/portfolio/export');
    expect(call(2).url.search).toBe(call(1).url.search);
  });

  it('answers the portfolio as sent: each trend compact, its days from scoreTrendPoints', async () => {
    const item = {
      productRef,
      score: 72,
      scoreTrend: { from: '2026-02-28', scores: [58, null, 72] },
    };
    const { client } = setup({ items: [item] });
    const { items } = await client.getPortfolio();
    expect(items).toEqual([item]);
    expect(scoreTrendPoints(items[0].scoreTrend)).toEqual([
      { day: '2026-02-28', score: 58 },
      { day: '2026-03-02', score: 72 },
    ]);
  });

  it('throws a ResponseError with the server message on a 403', async () => {
    const { client } = setup(
      {
        error: {
          name: 'NotAllowedError',
          message:
            "You are not allowed to refresh 'platformproduct:default/deployment-platform' (platform-product.scorecard.refresh)",
        },
        response: { statusCode: 403 },
      },
      403,
    );
    const error = await client.refreshScorecard(productRef).then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toMatch(/scorecard\.refresh/);
  });
});
