import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { PLATFORM_PRODUCT_KIND } from '@platform-product/plugin-platform-product-common';
import useAsync from 'react-use/esm/useAsync';
import { displayNameOf } from '../shared/entities';

/** The teams that own a product, by name, for the portfolio's owner filter. */
export function useOwnerOptions() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items: products } = await catalogApi.getEntities({
      filter: { kind: PLATFORM_PRODUCT_KIND },
      fields: ['relations'],
    });
    const ownerRefs = [
      ...new Set(
        products.flatMap(product =>
          (product.relations ?? [])
            .filter(r => r.type === RELATION_OWNED_BY)
            .map(r => r.targetRef.toLocaleLowerCase('en-US')),
        ),
      ),
    ];
    if (!ownerRefs.length) return [];
    const { items: owners } = await catalogApi.getEntitiesByRefs({
      entityRefs: ownerRefs,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return ownerRefs
      .map((ref, index) => {
        const owner = owners[index];
        return {
          value: ref,
          label: owner
            ? displayNameOf(owner)
            : ref.replace(/^group:default\//, ''),
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi]);
}
