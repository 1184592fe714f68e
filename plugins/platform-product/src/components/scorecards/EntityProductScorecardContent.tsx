import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  isPlatformProductEntity,
  scorecardRefreshPermission,
} from '@platform-product/plugin-platform-product-common';
import {
  platformProductApiRef,
  useProductScorecard,
  useScorecardHistory,
} from '@platform-product/plugin-platform-product-react';
import { useSearchParams } from 'react-router-dom';
import { ActionButton } from '../shared/ActionButton';
import { displayNameOf, refOf } from '../shared/entities';
import { TabHeader } from '../shared/TabHeader';
import { ScorecardChecks } from './ScorecardChecks';
import { ScoreSummary } from './ScoreSummary';
import { ScoreTrendChart } from './ScoreTrendChart';

const HISTORY_DAYS = 90;

const isNotFound = (error: Error) =>
  (error as Error & { statusCode?: number }).statusCode === 404 ||
  error.name === 'NotFoundError';

/**
 * The Scorecard tab of a product (mount at `/scorecard`): its level and score, the
 * score's trend, and every check grouped by level with what was measured and, on a
 * failure, what to do next. The product team (`platform-product.scorecard.refresh`)
 * can re-evaluate it at once. `?check=<id>` highlights one check.
 */
export const EntityProductScorecardContent = () => {
  const { entity } = useEntity();
  const productRef = refOf(entity);
  const name = displayNameOf(entity);
  const [searchParams] = useSearchParams();
  const selectedId = searchParams.get('check') ?? undefined;
  const api = useApi(platformProductApiRef);
  const { allowed: canRefresh } = usePermission({
    permission: scorecardRefreshPermission,
    resourceRef: productRef,
  });
  const { scorecard, loading, error, retry } = useProductScorecard(productRef);
  const history = useScorecardHistory(productRef, HISTORY_DAYS);

  if (!isPlatformProductEntity(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a platform product"
        description={`A scorecard belongs to a PlatformProduct entity, but this is a ${entity.kind}.`}
      />
    );
  }

  const refreshButton = canRefresh ? (
    <ActionButton
      action={async () => {
        await api.refreshScorecard(productRef);
        retry();
        history.retry();
      }}
      failure="Could not re-evaluate the product"
      icon={<RefreshIcon />}
      color="primary"
      title="Evaluate the checks now instead of at the next scheduled run"
    >
      Re-evaluate now
    </ActionButton>
  ) : undefined;

  const header = (
    <TabHeader
      title={`Scorecard of ${name}`}
      subtitle="How well the product is run as a product: the checks of each level, what they measured, and what to do next."
      actions={refreshButton}
    />
  );

  if (error && !scorecard) {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {header}
        </Grid>
        <Grid item xs={12}>
          {isNotFound(error) ? (
            <EmptyState
              missing="data"
              title="Not evaluated yet"
              description={`${name} gets its scorecard at the next scheduled evaluation.${
                canRefresh ? ' Re-evaluate it to see it now.' : ''
              }`}
            />
          ) : (
            <ResponseErrorPanel
              error={error}
              title="Could not load the scorecard"
            />
          )}
        </Grid>
      </Grid>
    );
  }
  if (!scorecard) return <Progress />;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {header}
        {loading && (
          <Box mt={1}>
            <Progress />
          </Box>
        )}
      </Grid>
      <Grid item xs={12} md={4}>
        <ScoreSummary scorecard={scorecard} />
      </Grid>
      <Grid item xs={12} md={8}>
        <Paper style={{ height: '100%' }}>
          <Box p={3} pb={1}>
            <Typography variant="h6" component="h3">
              Score over the last {HISTORY_DAYS} days
            </Typography>
            {history.error && (
              <ResponseErrorPanel
                error={history.error}
                title="Could not load the history"
              />
            )}
            {!history.history && !history.error && <Progress />}
            {history.history?.length === 0 && (
              <Typography variant="body2" color="textSecondary">
                No history yet: a snapshot is kept once a day from the first
                evaluation on.
              </Typography>
            )}
            {!!history.history?.length && (
              <ScoreTrendChart history={history.history} days={HISTORY_DAYS} />
            )}
          </Box>
        </Paper>
      </Grid>
      <Grid item xs={12}>
        <ScorecardChecks checks={scorecard.checks} selectedId={selectedId} />
      </Grid>
    </Grid>
  );
};
