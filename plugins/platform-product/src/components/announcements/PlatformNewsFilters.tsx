import { makeStyles } from '@material-ui/core/styles';
import { ANNOUNCEMENT_TYPES } from '@platform-product/plugin-platform-product-common';
import {
  FilterBar,
  FilterSelect,
  FilterTextField,
  labelledOptions,
  loadingOptions,
  SearchField,
  useFilterBarStyles,
} from '../shared/FilterSelect';
import { LabelledCheckbox } from '../shared/LabelledCheckbox';
import { TYPE_LABELS } from './labels';
import { NewsFilters, ProductOptions } from './usePlatformNews';

const useStyles = makeStyles(
  theme => ({
    filters: { marginBottom: theme.spacing(2) },
    search: { flex: 1, minWidth: theme.spacing(25) },
  }),
  { name: 'PlatformProductNewsPage' },
);

/** A filter that is on or off, kept in the URL as `flag=true`. */
const FlagFilter = (props: {
  filters: NewsFilters;
  flag: 'unread' | 'upcoming';
  label: string;
}) => (
  <LabelledCheckbox
    label={props.label}
    checked={props.filters[props.flag]}
    onChange={checked => props.filters.setParam(props.flag, checked)}
  />
);

/** The filter bar of the news page: product, type, tag, search, unread, upcoming. */
export const PlatformNewsFilters = (props: {
  filters: NewsFilters;
  products: ProductOptions;
}) => {
  const { filters, products } = props;
  const classes = useStyles();
  const bar = useFilterBarStyles();
  return (
    <FilterBar className={classes.filters}>
      <FilterSelect
        id="news-filter-product"
        label="Product"
        value={filters.productRef}
        onChange={value => filters.setParam('product', value)}
        allLabel="All products"
        options={(products.value ?? []).map(product => ({
          value: product.ref,
          label: product.title,
        }))}
        className={bar.filter}
        {...loadingOptions(products, 'the products')}
      />
      <FilterSelect
        id="news-filter-type"
        label="Type"
        value={filters.type}
        onChange={value => filters.setParam('type', value)}
        allLabel="All types"
        options={labelledOptions(ANNOUNCEMENT_TYPES, TYPE_LABELS)}
        className={bar.filter}
      />
      <FilterTextField
        id="news-filter-tag"
        label="Tag"
        value={filters.tagText}
        onChange={filters.setTagText}
        className={bar.filter}
        placeholder="kubernetes"
      />
      <SearchField
        id="news-search"
        value={filters.search}
        onChange={filters.setSearch}
        className={classes.search}
      />
      <FlagFilter filters={filters} flag="unread" label="Unread only" />
      <FlagFilter filters={filters} flag="upcoming" label="Upcoming events" />
    </FilterBar>
  );
};
