import {
  PLATFORM_PRODUCT_LIFECYCLES,
  PlatformProductLifecycle,
  SCORECARD_LEVELS,
  ScorecardLevel,
} from '@platform-product/plugin-platform-product-common';
import { PortfolioOptions } from '@platform-product/plugin-platform-product-react';
import { useSearchParams } from 'react-router-dom';
import { orderOf, PortfolioOrder, sortParam } from './portfolioSort';

export type LevelFilter = ScorecardLevel | 'none';

const LEVEL_FILTERS: readonly string[] = [...SCORECARD_LEVELS, 'none'];
const LIFECYCLES: readonly string[] = PLATFORM_PRODUCT_LIFECYCLES;

/**
 * The portfolio's filters and order, kept in the URL (`owner`, `lifecycle`, `level`,
 * `sort`), so a filtered view can be shared; values the server would refuse are
 * ignored.
 */
export function usePortfolioFilters() {
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? '';
  const lifecycleParam = params.get('lifecycle') ?? '';
  const levelParam = params.get('level') ?? '';
  const lifecycle = LIFECYCLES.includes(lifecycleParam)
    ? (lifecycleParam as PlatformProductLifecycle)
    : '';
  const level = LEVEL_FILTERS.includes(levelParam)
    ? (levelParam as LevelFilter)
    : '';
  const order = orderOf(params.get('sort'));

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const query: PortfolioOptions = {
    ...(owner && { owner }),
    ...(lifecycle && { lifecycle }),
    ...(level && { level }),
    sort: sortParam(order) as PortfolioOptions['sort'],
  };

  return {
    owner,
    lifecycle,
    level,
    order,
    /** what the portfolio and its export are asked for */
    query,
    setOwner: (value: string) => setParam('owner', value),
    setLifecycle: (value: string) => setParam('lifecycle', value),
    setLevel: (value: string) => setParam('level', value),
    setOrder: (value: PortfolioOrder) => setParam('sort', sortParam(value)),
    filtered: !!(owner || lifecycle || level),
    clear: () => {
      const next = new URLSearchParams();
      const sort = params.get('sort');
      if (sort) next.set('sort', sort);
      setParams(next, { replace: true });
    },
  };
}

export type PortfolioFilters = ReturnType<typeof usePortfolioFilters>;
