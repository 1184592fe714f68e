import { RELATION_HAS_PART } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import FeedbackOutlinedIcon from '@material-ui/icons/FeedbackOutlined';
import {
  isPlatformProductEntity,
  PlatformProductEntityV1alpha1,
} from '@platform-product/plugin-platform-product-common';
import { useState } from 'react';
import { displayNameOf, refOf } from '../shared/entities';
import { loadingOrErrorCard } from '../shared/LoadingOrErrorCard';
import { useCatalogProducts } from '../shared/useCatalogProducts';
import { GiveFeedbackDialog } from './GiveFeedbackDialog';

const useStyles = makeStyles(
  theme => ({
    title: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    row: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      justifyContent: 'space-between',
      gap: theme.spacing(2),
      padding: theme.spacing(0.5, 0),
    },
  }),
  { name: 'PlatformProductGiveFeedbackCard' },
);

const GiveFeedback = (props: {
  entityRef: string;
  product: PlatformProductEntityV1alpha1;
  several: boolean;
}) => {
  const { entityRef, product, several } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const name = displayNameOf(product);
  return (
    <Box className={classes.row}>
      <Typography variant="body2" color="textSecondary">
        Tell the team behind {name} how it works for you: rate it, share an
        idea, report a problem or ask a question.
      </Typography>
      <Button
        variant="contained"
        color="primary"
        onClick={() => setOpen(true)}
        aria-label={several ? `Give feedback on ${name}` : undefined}
      >
        Give feedback
      </Button>
      <GiveFeedbackDialog
        open={open}
        onClose={() => setOpen(false)}
        entityRef={entityRef}
        productName={name}
      />
    </Box>
  );
};

type CardVariant = 'gridItem' | 'flex' | 'fullHeight';

const CardTitle = () => {
  const classes = useStyles();
  return (
    <span className={classes.title}>
      <FeedbackOutlinedIcon color="primary" />
      Feedback
    </span>
  );
};

const FeedbackCard = (props: {
  entityRef: string;
  products: PlatformProductEntityV1alpha1[];
  variant: CardVariant;
}) => {
  const { entityRef, products, variant } = props;
  return (
    <InfoCard title={<CardTitle />} variant={variant}>
      {products.map(product => (
        <GiveFeedback
          key={refOf(product)}
          product={product}
          several={products.length > 1}
          // a part of several products: the feedback goes to the product chosen
          entityRef={products.length > 1 ? refOf(product) : entityRef}
        />
      ))}
    </InfoCard>
  );
};

const PartFeedbackCard = (props: { variant: CardVariant }) => {
  const { variant } = props;
  const { entity } = useEntity();
  const entityRef = refOf(entity);
  const { products, loading, error } = useCatalogProducts(
    RELATION_HAS_PART,
    entityRef,
  );
  const pending = loadingOrErrorCard({
    title: <CardTitle />,
    loading,
    error,
    variant,
  });
  if (pending) return pending;
  if (!products?.length) {
    return (
      <InfoCard title={<CardTitle />} variant={variant}>
        <Typography variant="body2" color="textSecondary">
          This {entity.kind.toLocaleLowerCase('en-US')} is not part of a
          platform product, so there is no product team to give feedback to.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <FeedbackCard entityRef={entityRef} products={products} variant={variant} />
  );
};

/**
 * "Give feedback" on a product's page, or on the page of one of its parts
 * (the product is found through the part's `partOf` relation).
 */
export const EntityGiveFeedbackCard = (props: { variant?: CardVariant }) => {
  const { entity } = useEntity();
  const variant = props.variant ?? 'gridItem';
  if (isPlatformProductEntity(entity)) {
    return (
      <FeedbackCard
        entityRef={refOf(entity)}
        products={[entity]}
        variant={variant}
      />
    );
  }
  return <PartFeedbackCard variant={variant} />;
};
