import { Entity, RELATION_HAS_PART } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AssessmentOutlinedIcon from '@material-ui/icons/AssessmentOutlined';
import { isPlatformProductEntity } from '@platform-product/plugin-platform-product-common';
import {
  useProductScorecard,
  useScorecardHistory,
} from '@platform-product/plugin-platform-product-react';
import { Fragment } from 'react';
import { displayNameOf, refOf } from '../shared/entities';
import { loadingOrErrorCard } from '../shared/LoadingOrErrorCard';
import { useCatalogProducts } from '../shared/useCatalogProducts';
import { failingLabel } from './labels';
import { LevelBadge } from './LevelBadge';
import { useScorecardLink } from './links';
import { ScoreSparkline } from './ScoreSparkline';

type CardVariant = 'gridItem' | 'flex' | 'fullHeight';

const TREND_DAYS = 30;

const useStyles = makeStyles(
  theme => ({
    title: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    product: { padding: theme.spacing(1, 0) },
    name: { fontWeight: 500, marginBottom: theme.spacing(1) },
    line: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(2),
    },
    score: { fontSize: '2rem', fontWeight: 700, lineHeight: 1 },
    outOf: { color: theme.palette.text.secondary },
    failing: { color: theme.palette.error.main, fontWeight: 500 },
    passing: { color: theme.palette.success.main, fontWeight: 500 },
    muted: { color: theme.palette.text.secondary },
  }),
  { name: 'PlatformProductScoreCard' },
);

/** One product's level, score, trend and failing checks, linking to its Scorecard tab. */
const ProductScore = (props: { productRef: string; name?: string }) => {
  const { productRef, name } = props;
  const classes = useStyles();
  const scorecardLink = useScorecardLink();
  const { scorecard, error } = useProductScorecard(productRef);
  const { history } = useScorecardHistory(productRef, TREND_DAYS);
  const failing = scorecard?.checks.filter(c => c.status === 'fail').length;
  return (
    <Box className={classes.product} data-testid="product-score">
      {name && (
        <Typography variant="body1" className={classes.name}>
          {name}
        </Typography>
      )}
      {error && (
        <Typography variant="body2" className={classes.muted}>
          {(error as Error & { statusCode?: number }).statusCode === 404
            ? 'Not evaluated yet.'
            : `Could not load the scorecard: ${error.message}`}
        </Typography>
      )}
      {scorecard && (
        <>
          <Box className={classes.line}>
            <LevelBadge level={scorecard.level} />
            <Typography component="span" data-testid="score-card-score">
              <span className={classes.score}>{scorecard.score}</span>
              <span className={classes.outOf}> / 100</span>
            </Typography>
            <ScoreSparkline points={history ?? []} />
          </Box>
          <Box mt={1.5}>
            <Typography
              variant="body2"
              className={failing ? classes.failing : classes.passing}
            >
              {failingLabel(scorecard.checks)}
            </Typography>
          </Box>
        </>
      )}
      <Box mt={1}>
        <Link to={scorecardLink(productRef)}>
          {failing ? 'See what to do next' : 'See the scorecard'}
        </Link>
      </Box>
    </Box>
  );
};

const CardTitle = (props: { product?: string }) => {
  const classes = useStyles();
  return (
    <span className={classes.title}>
      <AssessmentOutlinedIcon color="primary" />
      {props.product ? `Scorecard of ${props.product}` : 'Scorecard'}
    </span>
  );
};

/** On a part's page: the scorecard of the product (or products) it is part of. */
const PartOfProductsScoreCard = (props: {
  entity: Entity;
  variant: CardVariant;
}) => {
  const { entity, variant } = props;
  const { products, loading, error } = useCatalogProducts(
    RELATION_HAS_PART,
    refOf(entity),
  );
  const pending = loadingOrErrorCard({
    title: <CardTitle />,
    loading,
    error,
    variant,
  });
  if (pending) return pending;
  const parents = products ?? [];
  return (
    <InfoCard
      title={
        <CardTitle
          product={parents.length === 1 ? displayNameOf(parents[0]) : undefined}
        />
      }
      variant={variant}
    >
      {parents.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          This {entity.kind.toLocaleLowerCase('en-US')} is not part of a
          platform product.
        </Typography>
      )}
      {parents.map((product, index) => (
        <Fragment key={refOf(product)}>
          {index > 0 && <Divider />}
          <ProductScore
            productRef={refOf(product)}
            name={parents.length > 1 ? displayNameOf(product) : undefined}
          />
        </Fragment>
      ))}
    </InfoCard>
  );
};

/**
 * A product's scorecard in brief: level, score with its 30-day trend, how many checks
 * fail, and a link to its Scorecard tab. On a product's page it shows the product; on
 * a part's page the product (or products) the entity is part of.
 */
export const EntityProductScoreCard = (props: { variant?: CardVariant }) => {
  const { variant = 'gridItem' } = props;
  const { entity } = useEntity();
  if (!isPlatformProductEntity(entity)) {
    return <PartOfProductsScoreCard entity={entity} variant={variant} />;
  }
  return (
    <InfoCard title={<CardTitle />} variant={variant}>
      <ProductScore productRef={refOf(entity)} />
    </InfoCard>
  );
};
