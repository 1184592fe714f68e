import { RELATION_HAS_PART } from '@backstage/catalog-model';
import { InfoCard, Link, LinkButton } from '@backstage/core-components';
import {
  EntityRefLink,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowForwardIcon from '@material-ui/icons/ArrowForward';
import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import { Fragment } from 'react';
import { ChannelIcon } from '../shared/ChannelIcon';
import { displayNameOf, refOf } from '../shared/entities';
import { LifecycleChip } from '../shared/LifecycleChip';
import { ProductIcon } from '../shared/ProductIcon';
import { useCatalogProducts } from '../shared/useCatalogProducts';
import { loadingOrErrorCard } from '../shared/LoadingOrErrorCard';

const useStyles = makeStyles(
  theme => ({
    title: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
    product: {
      padding: theme.spacing(1, 0),
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      justifyContent: 'space-between',
      gap: theme.spacing(2),
    },
    heading: {
      display: 'flex',
      alignItems: 'center',
      flexWrap: 'wrap',
      gap: theme.spacing(1),
      marginBottom: theme.spacing(1),
    },
    row: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      marginTop: theme.spacing(1),
    },
    gap: { color: theme.palette.warning.dark, fontWeight: 500 },
  }),
  { name: 'PlatformProductPartOfProductCard' },
);

const ProductSummary = (props: { product: PlatformProductEntityV1alpha1 }) => {
  const { product } = props;
  const classes = useStyles();
  const entityLink = useEntityRefLink();
  const chat = product.spec.support?.channels?.[0];
  const name = displayNameOf(product);
  return (
    <Box className={classes.product}>
      <Box>
        <Box className={classes.heading}>
          <Typography variant="h6" component="h3">
            <EntityRefLink entityRef={product} hideIcon>
              {name}
            </EntityRefLink>
          </Typography>
          <LifecycleChip lifecycle={product.spec.lifecycle} />
        </Box>
        {product.metadata.description && (
          <Typography variant="body1" color="textSecondary">
            {product.metadata.description}
          </Typography>
        )}
        <Typography variant="body2" component="div" className={classes.row}>
          Product manager:{' '}
          {product.spec.productManager ? (
            <EntityRefLink
              entityRef={product.spec.productManager}
              defaultKind="user"
              hideIcon
            />
          ) : (
            <span className={classes.gap}>none yet</span>
          )}
        </Typography>
        {chat && (
          <Typography variant="body2" component="div" className={classes.row}>
            <ChannelIcon type={chat.type} />
            Get help:{' '}
            {chat.url ? <Link to={chat.url}>{chat.name}</Link> : chat.name}
          </Typography>
        )}
      </Box>
      <Box>
        <LinkButton
          to={entityLink(product)}
          variant="contained"
          color="primary"
          endIcon={<ArrowForwardIcon />}
        >
          Open the {name} product page
        </LinkButton>
      </Box>
    </Box>
  );
};

/**
 * For pages of a product's parts (systems, components, APIs, resources): the
 * platform product this entity belongs to, and a way to its page.
 */
export const EntityPartOfProductCard = (props: {
  variant?: 'gridItem' | 'flex' | 'fullHeight';
}) => {
  const classes = useStyles();
  const { entity } = useEntity();
  const { products, loading, error } = useCatalogProducts(
    RELATION_HAS_PART,
    refOf(entity),
  );
  const variant = props.variant ?? 'gridItem';

  const pending = loadingOrErrorCard({
    title: 'Part of product',
    loading,
    error,
    variant,
  });
  if (pending) {
    return pending;
  }
  if (!products?.length) {
    return (
      <InfoCard title="Part of product" variant={variant}>
        <Typography variant="body2" color="textSecondary">
          This {entity.kind.toLocaleLowerCase('en-US')} is not part of a
          platform product.
        </Typography>
      </InfoCard>
    );
  }

  const title =
    products.length === 1
      ? `Part of product ${displayNameOf(products[0])}`
      : `Part of ${products.length} products`;
  return (
    <InfoCard
      variant={variant}
      title={
        <span className={classes.title}>
          <ProductIcon color="primary" />
          {title}
        </span>
      }
      subheader="Run as an internal product, with a product manager and support"
    >
      {products.map((product, index) => (
        <Fragment key={refOf(product)}>
          {index > 0 && <Divider />}
          <ProductSummary product={product} />
        </Fragment>
      ))}
    </InfoCard>
  );
};
