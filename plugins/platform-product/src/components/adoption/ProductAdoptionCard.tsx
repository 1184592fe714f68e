import { parseEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
  TrendLine,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  AdoptingTeam,
  AdoptionConsumer,
  ProductAdoption,
} from '@platform-product/plugin-platform-product-common';
import { useProductAdoption } from '@platform-product/plugin-platform-product-react';
import { CSSProperties, ReactNode } from 'react';

const useStyles = makeStyles(
  theme => ({
    stats: { marginBottom: theme.spacing(2) },
    stat: {
      padding: theme.spacing(1.5, 2),
      borderRadius: theme.shape.borderRadius,
      backgroundColor: theme.palette.background.default,
      height: '100%',
    },
    statValue: {
      fontSize: '2.25rem',
      fontWeight: 700,
      lineHeight: 1.1,
    },
    statLabel: {
      textTransform: 'uppercase',
      letterSpacing: '0.06em',
      color: theme.palette.text.secondary,
      fontSize: '0.75rem',
      fontWeight: 600,
    },
    trend: { maxWidth: 240 },
    share: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    bar: { flexGrow: 1, minWidth: 60, height: 6, borderRadius: 3 },
    consumers: { listStyle: 'none', margin: 0, padding: 0 },
    consumer: { padding: theme.spacing(0.25, 0) },
    noOwner: { fontStyle: 'italic', color: theme.palette.text.secondary },
  }),
  { name: 'PlatformProductAdoptionCard' },
);

const TITLE = 'Adoption';
const SUBHEADER =
  'Teams whose components depend on this product or consume its APIs';

const Stat = (props: { value: ReactNode; label: string }) => {
  const classes = useStyles();
  return (
    <Box className={classes.stat}>
      <Typography className={classes.statValue} component="div">
        {props.value}
      </Typography>
      <Typography className={classes.statLabel} component="div">
        {props.label}
      </Typography>
    </Box>
  );
};

const nameOf = (ref: string) => {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
};

const ConsumerList = (props: {
  consumers: AdoptionConsumer[];
  productRef: string;
}) => {
  const classes = useStyles();
  return (
    <ul className={classes.consumers}>
      {props.consumers.map(consumer => (
        <li key={consumer.entityRef} className={classes.consumer}>
          <EntityRefLink entityRef={consumer.entityRef}>
            {consumer.title}
          </EntityRefLink>
          {!!consumer.uses.length && (
            <Typography variant="caption" color="textSecondary">
              {' '}
              uses{' '}
              {consumer.uses
                .map(ref =>
                  ref === props.productRef ? 'the product itself' : nameOf(ref),
                )
                .join(', ')}
            </Typography>
          )}
        </li>
      ))}
    </ul>
  );
};

// The table sits inside the card: no second paper around it.
const TableContainer = (props: {
  children?: ReactNode;
  style?: CSSProperties;
  className?: string;
}) => (
  <div style={props.style} className={props.className}>
    {props.children}
  </div>
);

const AdoptionDetails = (props: { adoption: ProductAdoption }) => {
  const { adoption } = props;
  const classes = useStyles();
  const trend = adoption.history.map(point => point.consumerCount);

  const columns: TableColumn<AdoptingTeam>[] = [
    {
      title: 'Team',
      highlight: true,
      width: '25%',
      render: team =>
        team.teamRef ? (
          <EntityRefLink entityRef={team.teamRef} defaultKind="group">
            {team.title}
          </EntityRefLink>
        ) : (
          <span className={classes.noOwner}>No owner in the catalog</span>
        ),
    },
    {
      title: 'Consumers',
      width: '20%',
      render: team => (
        <Box className={classes.share}>
          <Typography variant="body2">{team.consumerCount}</Typography>
          <LinearProgress
            variant="determinate"
            className={classes.bar}
            value={
              adoption.consumerCount
                ? (team.consumerCount / adoption.consumerCount) * 100
                : 0
            }
          />
        </Box>
      ),
    },
    {
      title: 'What they run on it',
      render: team => (
        <ConsumerList
          consumers={team.consumers}
          productRef={adoption.productRef}
        />
      ),
    },
  ];

  return (
    <>
      <Grid container spacing={2} className={classes.stats}>
        <Grid item xs={6} sm={3}>
          <Stat value={adoption.consumerCount} label="Consumers" />
        </Grid>
        <Grid item xs={6} sm={3}>
          <Stat
            value={adoption.teamCount}
            label={
              adoption.teamCount === 1 ? 'Adopting team' : 'Adopting teams'
            }
          />
        </Grid>
        <Grid item xs={6} sm={3}>
          <Stat value={adoption.partCount} label="Parts" />
        </Grid>
        {trend.length > 1 && (
          <Grid item xs={6} sm={3}>
            <Box className={classes.stat}>
              <Box className={classes.trend}>
                <TrendLine
                  data={trend}
                  title="Consumers over the last 90 days"
                  color="#1f77b4"
                />
              </Box>
              <Typography className={classes.statLabel} component="div">
                Trend, {trend.length} days
              </Typography>
            </Box>
          </Grid>
        )}
      </Grid>
      <Table<AdoptingTeam>
        title="Adopting teams"
        columns={columns}
        data={adoption.teams}
        components={{ Container: TableContainer }}
        style={{ width: '100%' }}
        options={{
          search: false,
          paging: adoption.teams.length > 10,
          pageSize: 10,
          padding: 'dense',
          draggable: false,
          sorting: false,
        }}
      />
    </>
  );
};

/** Who uses the product: consumers grouped by their owning teams. */
export const ProductAdoptionCard = (props: { productRef: string }) => {
  const { adoption, loading, error, retry } = useProductAdoption(
    props.productRef,
  );

  let content: ReactNode;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <>
        <ResponseErrorPanel error={error} title="Could not load adoption" />
        <Box mt={1}>
          <Button variant="outlined" onClick={retry}>
            Retry
          </Button>
        </Box>
      </>
    );
  } else if (!adoption || adoption.consumerCount === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No consumers yet"
        description="Nothing in the catalog depends on this product or its parts yet. Consumers show up here as soon as a component declares dependsOn on one of its parts, or consumesApis on one of its APIs: invite a first team to try it and help them get started."
      />
    );
  } else {
    content = <AdoptionDetails adoption={adoption} />;
  }

  return (
    <InfoCard title={TITLE} subheader={SUBHEADER} variant="gridItem">
      {content}
    </InfoCard>
  );
};
