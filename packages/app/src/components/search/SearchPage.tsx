import { makeStyles, Theme, Grid, Paper } from '@material-ui/core';
import AnnouncementIcon from '@material-ui/icons/Announcement';

import { CatalogSearchResultListItem } from '@backstage/plugin-catalog';

import { SearchType } from '@backstage/plugin-search';
import {
  SearchBar,
  SearchFilter,
  SearchResult,
  SearchPagination,
  useSearch,
} from '@backstage/plugin-search-react';
import { CatalogIcon, Content, Header, Page } from '@backstage/core-components';
import {
  PLATFORM_ANNOUNCEMENT_SEARCH_TYPE,
  PlatformNewsSearchResultListItem,
} from '@platform-product/plugin-platform-product';

const useStyles = makeStyles((theme: Theme) => ({
  bar: {
    padding: theme.spacing(1, 0),
  },
  filters: {
    padding: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  filter: {
    '& + &': {
      marginTop: theme.spacing(2.5),
    },
  },
}));

/** The filters of the selected result type: catalog fields, or the kind of announcement. */
const TypeFilters = () => {
  const classes = useStyles();
  const { types } = useSearch();

  if (types.includes(PLATFORM_ANNOUNCEMENT_SEARCH_TYPE)) {
    return (
      <Paper className={classes.filters}>
        <SearchFilter.Select
          className={classes.filter}
          label="Announcement type"
          name="announcementType"
          values={[
            'release',
            'changelog',
            'deprecation',
            'maintenance',
            'incident',
            'event',
          ]}
        />
      </Paper>
    );
  }
  return (
    <Paper className={classes.filters}>
      <SearchFilter.Select
        className={classes.filter}
        label="Kind"
        name="kind"
        values={[
          'PlatformProduct',
          'Component',
          'API',
          'System',
          'Resource',
          'Group',
          'User',
        ]}
      />
      <SearchFilter.Checkbox
        className={classes.filter}
        label="Lifecycle"
        name="lifecycle"
        values={['experimental', 'beta', 'production', 'deprecated']}
      />
    </Paper>
  );
};

const SearchPage = () => {
  const classes = useStyles();

  return (
    <Page themeId="home">
      <Header title="Search" />
      <Content>
        <Grid container direction="row">
          <Grid item xs={12}>
            <Paper className={classes.bar}>
              <SearchBar />
            </Paper>
          </Grid>
          <Grid item xs={3}>
            <SearchType.Accordion
              name="Result Type"
              types={[
                {
                  value: 'software-catalog',
                  name: 'Software Catalog',
                  icon: <CatalogIcon />,
                },
                {
                  value: PLATFORM_ANNOUNCEMENT_SEARCH_TYPE,
                  name: 'Platform news',
                  icon: <AnnouncementIcon />,
                },
              ]}
            />
            <TypeFilters />
          </Grid>
          <Grid item xs={9}>
            <SearchPagination />
            {/* each result is rendered by the first item whose type it is */}
            <SearchResult>
              <CatalogSearchResultListItem icon={<CatalogIcon />} />
              <PlatformNewsSearchResultListItem />
            </SearchResult>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
};

export const searchPage = <SearchPage />;
