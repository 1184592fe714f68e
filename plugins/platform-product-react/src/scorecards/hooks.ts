import { useApi } from '@backstage/core-plugin-api';
import {
  Portfolio,
  ProductScorecard,
  ScorecardSnapshot,
} from '@platform-product/plugin-platform-product-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformProductApiRef } from '../api/PlatformProductApi';
import { useLoadById } from '../shared/useLoadById';
import { PortfolioOptions } from './ScorecardsApi';

/**
 * A product's last evaluation: level, score and checks. `retry` reloads it and keeps
 * the loaded scorecard shown meanwhile.
 *
 * @public
 */
export function useProductScorecard(productRef: string): {
  scorecard?: ProductScorecard;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const { value, ...state } = useLoadById(productRef, (api, ref) =>
    api.getScorecard(ref),
  );
  return { scorecard: value, ...state };
}

/**
 * A product's daily snapshots over the last `days` (90 by default), oldest first.
 *
 * @public
 */
export function useScorecardHistory(
  productRef: string,
  days = 90,
): {
  history?: ScorecardSnapshot[];
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(platformProductApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getScorecardHistory(productRef, { days }),
    [api, productRef, days],
  );
  return { history: value, loading, error, retry };
}

/**
 * Every product's last evaluation, for the given filters and order; loaded again when
 * they change (the rows already shown stay while the new ones load).
 *
 * @public
 */
export function usePortfolio(options: PortfolioOptions = {}): {
  portfolio?: Portfolio;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const api = useApi(platformProductApiRef);
  const { owner, lifecycle, level, sort } = options;
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getPortfolio({ owner, lifecycle, level, sort }),
    [api, owner, lifecycle, level, sort],
  );
  return { portfolio: value, loading, error, retry };
}
