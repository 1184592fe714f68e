import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { refOf } from '../shared/entities';
import { ProductsCard } from './ProductsCard';

/** For a Group's page: the platform products this team builds and owns. */
export const EntityProductsOwnedCard = (props: {
  variant?: 'gridItem' | 'flex' | 'fullHeight';
}) => {
  const { entity } = useEntity();
  return (
    <ProductsCard
      variant={props.variant}
      title="Products we own"
      subheader="Platform products this team builds and runs"
      relationType={RELATION_OWNED_BY}
      targetRef={refOf(entity)}
      showManager
      emptyTitle="No platform products"
      emptyDescription="This team does not own a platform product. A product names its owning team in spec.owner."
    />
  );
};
