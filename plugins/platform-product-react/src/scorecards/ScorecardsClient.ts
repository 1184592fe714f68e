import {
  Portfolio,
  ProductScorecard,
  ScorecardSnapshot,
} from '@platform-product/plugin-platform-product-common';
import {
  BackendRequests,
  PlatformProductClientOptions,
} from '../shared/BackendRequests';
import {
  PlatformProductScorecardsApi,
  PortfolioOptions,
} from './ScorecardsApi';

/** The portfolio's query string: only the filters that are set. */
function portfolioQuery(options: PortfolioOptions = {}): string {
  const query = new URLSearchParams();
  if (options.owner) query.set('owner', options.owner);
  if (options.lifecycle) query.set('lifecycle', options.lifecycle);
  if (options.level) query.set('level', options.level);
  if (options.sort) query.set('sort', options.sort);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The scorecards part of the Platform Product client.
 *
 * @public
 */
export class PlatformProductScorecardsClient
  implements PlatformProductScorecardsApi
{
  private readonly requests: BackendRequests;

  constructor(options: PlatformProductClientOptions) {
    this.requests = new BackendRequests(options);
  }

  async getScorecard(productRef: string): Promise<ProductScorecard> {
    const query = new URLSearchParams({ productRef });
    return this.requests.json<ProductScorecard>(`/scorecards?${query}`);
  }

  async getScorecardHistory(
    productRef: string,
    options?: { days?: number },
  ): Promise<ScorecardSnapshot[]> {
    const query = new URLSearchParams({ productRef });
    if (options?.days !== undefined) query.set('days', String(options.days));
    return this.requests.json<ScorecardSnapshot[]>(
      `/scorecards/history?${query}`,
    );
  }

  async refreshScorecard(productRef: string): Promise<ProductScorecard> {
    return this.requests.json<ProductScorecard>('/scorecards/refresh', {
      method: 'POST',
      body: { productRef },
    });
  }

  async getPortfolio(options?: PortfolioOptions): Promise<Portfolio> {
    return this.requests.json<Portfolio>(
      `/portfolio${portfolioQuery(options)}`,
    );
  }

  async exportPortfolio(options?: PortfolioOptions): Promise<Blob> {
    const response = await this.requests.fetch(
      `/portfolio/export${portfolioQuery(options)}`,
    );
    return response.blob();
  }
}
