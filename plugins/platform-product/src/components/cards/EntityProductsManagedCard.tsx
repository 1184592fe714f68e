import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { RELATION_PRODUCT_MANAGED_BY } from '@platform-product/plugin-platform-product-common';
import useAsync from 'react-use/esm/useAsync';
import { refOf } from '../shared/entities';
import { ProductsCard } from './ProductsCard';

/**
 * For a User's page: the platform products this user is the product manager of.
 * Titled "Products I manage" when the signed-in user looks at their own page.
 */
export const EntityProductsManagedCard = (props: {
  variant?: 'gridItem' | 'flex' | 'fullHeight';
}) => {
  const { entity } = useEntity();
  const identityApi = useApi(identityApiRef);
  const userRef = refOf(entity);
  const { value: signedInRef } = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    return identity.userEntityRef.toLocaleLowerCase('en-US');
  }, [identityApi]);
  const isMe = signedInRef === userRef;

  return (
    <ProductsCard
      variant={props.variant}
      title={isMe ? 'Products I manage' : 'Products managed'}
      subheader="Platform products with this person as product manager"
      relationType={RELATION_PRODUCT_MANAGED_BY}
      targetRef={userRef}
      showOwner
      emptyTitle={
        isMe
          ? 'You do not manage a platform product'
          : 'Not the product manager of any platform product'
      }
      emptyDescription="A platform product names its product manager in its catalog YAML, with spec.productManager set to a user reference."
    />
  );
};
