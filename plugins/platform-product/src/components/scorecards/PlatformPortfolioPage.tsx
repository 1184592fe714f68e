import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  platformProductApiRef,
  usePortfolio,
} from '@platform-product/plugin-platform-product-react';
import { RelativeTime } from '../announcements/dates';
import { DownloadButton } from '../shared/DownloadButton';
import { NoMatchState } from '../shared/NoMatchState';
import { PortfolioFilters } from './PortfolioFilters';
import { portfolioSummary } from './portfolioSummary';
import { PortfolioTable } from './PortfolioTable';
import { usePortfolioFilters } from './usePortfolioFilters';

/** The latest of the rows' evaluations, for "evaluated 2 hours ago". */
const latest = (isos: string[]) =>
  isos.reduce<string | undefined>(
    (max, iso) => (!max || Date.parse(iso) > Date.parse(max) ? iso : max),
    undefined,
  );

const PortfolioContent = () => {
  const filters = usePortfolioFilters();
  const api = useApi(platformProductApiRef);
  const { portfolio, loading, error, retry } = usePortfolio(filters.query);
  const items = portfolio?.items ?? [];
  const evaluatedAt = latest(items.map(item => item.evaluatedAt));

  let body;
  if (error) {
    body = (
      <ResponseErrorPanel error={error} title="Could not load the portfolio" />
    );
  } else if (!portfolio) {
    body = <Progress />;
  } else if (!items.length && filters.filtered) {
    body = (
      <NoMatchState
        title="No products match"
        description="No product has this owner, lifecycle and level. Try other filters."
        onClear={filters.clear}
      />
    );
  } else if (!items.length) {
    body = (
      <EmptyState
        missing="data"
        title="No products evaluated yet"
        description="Each PlatformProduct in the catalog shows up here after its first evaluation, which runs on a schedule."
        action={
          <Button variant="outlined" onClick={retry}>
            Check again
          </Button>
        }
      />
    );
  } else {
    body = (
      <>
        <Box px={2} pb={1}>
          <Typography variant="body1" data-testid="portfolio-summary">
            {portfolioSummary(items)}
          </Typography>
          {evaluatedAt && (
            <Typography variant="caption" color="textSecondary">
              Last evaluated <RelativeTime iso={evaluatedAt} />
            </Typography>
          )}
        </Box>
        {loading && <Progress />}
        <PortfolioTable
          items={items}
          order={filters.order}
          onOrder={filters.setOrder}
        />
      </>
    );
  }

  return (
    <>
      <ContentHeader
        title="All platform products"
        description="Levels and scores from each product's scorecard"
      >
        <DownloadButton
          download={() => api.exportPortfolio(filters.query)}
          fileName={`platform-portfolio-${new Date()
            .toISOString()
            .slice(0, 10)}.csv`}
          what="the portfolio"
          icon={<GetAppIcon />}
        >
          Export CSV
        </DownloadButton>
      </ContentHeader>
      <Paper>
        <Box p={2}>
          <PortfolioFilters filters={filters} />
        </Box>
        {body}
      </Paper>
    </>
  );
};

/**
 * The portfolio page (mount at `/platform-products`): one row per product with its
 * PM, owning team, lifecycle, level, score and trend, NPS and its trend, adoption,
 * open posts and the last announcement; sorted and filtered on the server (kept in
 * the URL), exported as CSV with the same filters.
 */
export const PlatformPortfolioPage = (props: {
  title?: string;
  subtitle?: string;
}) => (
  <Page themeId="home">
    <Header
      title={props.title ?? 'Platform portfolio'}
      subtitle={
        props.subtitle ??
        'How well each platform is run as a product: level, score, adoption and what users say'
      }
    />
    <Content>
      <PortfolioContent />
    </Content>
  </Page>
);
