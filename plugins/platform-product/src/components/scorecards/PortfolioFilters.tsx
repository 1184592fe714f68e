import Button from '@material-ui/core/Button';
import {
  PLATFORM_PRODUCT_LIFECYCLES,
  SCORECARD_LEVELS,
} from '@platform-product/plugin-platform-product-common';
import {
  FilterBar,
  FilterSelect,
  loadingOptions,
  useFilterBarStyles,
} from '../shared/FilterSelect';
import { LEVEL_LABELS } from './labels';
import { useOwnerOptions } from './useOwnerOptions';
import { PortfolioFilters as Filters } from './usePortfolioFilters';

const capitalized = (text: string) =>
  text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);

/** The portfolio's filter bar: owning team, lifecycle and level. */
export const PortfolioFilters = (props: { filters: Filters }) => {
  const { filters } = props;
  const classes = useFilterBarStyles();
  const owners = useOwnerOptions();
  return (
    <FilterBar>
      <FilterSelect
        id="portfolio-filter-owner"
        label="Owning team"
        value={filters.owner}
        onChange={filters.setOwner}
        allLabel="All teams"
        options={owners.value ?? []}
        className={classes.filter}
        {...loadingOptions(owners, 'the teams')}
      />
      <FilterSelect
        id="portfolio-filter-lifecycle"
        label="Lifecycle"
        value={filters.lifecycle}
        onChange={filters.setLifecycle}
        allLabel="All lifecycles"
        options={PLATFORM_PRODUCT_LIFECYCLES.map(value => ({
          value,
          label: capitalized(value),
        }))}
        className={classes.filter}
      />
      <FilterSelect
        id="portfolio-filter-level"
        label="Level"
        value={filters.level}
        onChange={filters.setLevel}
        allLabel="All levels"
        options={[
          ...[...SCORECARD_LEVELS].reverse().map(value => ({
            value,
            label: LEVEL_LABELS[value],
          })),
          { value: 'none', label: 'No level yet' },
        ]}
        className={classes.filter}
      />
      {filters.filtered && (
        <Button size="small" onClick={filters.clear}>
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
};
