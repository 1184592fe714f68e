import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { isPlatformProductEntity } from '@platform-product/plugin-platform-product-common';
import { ProductAdoptionCard } from '../adoption/ProductAdoptionCard';
import { EntityProductScoreCard } from '../scorecards/EntityProductScoreCard';
import { refOf } from '../shared/entities';
import { ProductHeader } from './ProductHeader';
import { ProductManagerCard } from './ProductManagerCard';
import { partRefsOf, ProductPartsCard } from './ProductPartsCard';
import { ProductSupportCard } from './ProductSupportCard';
import { ProductVisionCard } from './ProductVisionCard';

/**
 * The overview of a PlatformProduct's page: what it is, who runs it, how well it
 * is run (its scorecard in brief), where to get help, what it is made of and who
 * uses it.
 */
export const EntityPlatformProductOverviewContent = () => {
  const { entity } = useEntity();
  if (!isPlatformProductEntity(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a platform product"
        description={`This view shows PlatformProduct entities, but this is a ${entity.kind}.`}
      />
    );
  }
  // The missing-PM card explains how to fix it, so it gets more room.
  const hasManager = !!entity.spec.productManager;
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <ProductHeader entity={entity} partCount={partRefsOf(entity).length} />
      </Grid>
      <Grid item xs={12} md={hasManager ? 4 : 5}>
        <ProductManagerCard entity={entity} />
      </Grid>
      <Grid item xs={12} md={hasManager ? 5 : 4}>
        <ProductVisionCard entity={entity} />
      </Grid>
      <Grid item xs={12} md={3}>
        <EntityProductScoreCard />
      </Grid>
      <Grid item xs={12} md={5}>
        <ProductSupportCard entity={entity} />
      </Grid>
      <Grid item xs={12} md={7}>
        <ProductPartsCard entity={entity} />
      </Grid>
      <Grid item xs={12}>
        <ProductAdoptionCard productRef={refOf(entity)} />
      </Grid>
    </Grid>
  );
};
