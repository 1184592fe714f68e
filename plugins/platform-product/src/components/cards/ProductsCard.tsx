import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ReactNode } from 'react';
import { ProductList } from '../shared/ProductList';
import { useCatalogProducts } from '../shared/useCatalogProducts';

/** A card listing the products with a given relation to the current entity. */
export const ProductsCard = (props: {
  title: ReactNode;
  subheader?: ReactNode;
  relationType: string;
  targetRef: string;
  emptyTitle: string;
  emptyDescription: string;
  showManager?: boolean;
  showOwner?: boolean;
  variant?: 'gridItem' | 'flex' | 'fullHeight';
}) => {
  const { products, loading, error } = useCatalogProducts(
    props.relationType,
    props.targetRef,
  );

  let content: ReactNode;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!products?.length) {
    content = (
      <EmptyState
        missing="content"
        title={props.emptyTitle}
        description={props.emptyDescription}
      />
    );
  } else {
    content = (
      <ProductList
        products={products}
        showManager={props.showManager}
        showOwner={props.showOwner}
      />
    );
  }

  return (
    <InfoCard
      title={props.title}
      subheader={props.subheader}
      variant={props.variant ?? 'gridItem'}
    >
      {content}
    </InfoCard>
  );
};
