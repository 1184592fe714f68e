import { Entity, RELATION_PART_OF } from '@backstage/catalog-model';
import { PLATFORM_PRODUCT_KIND } from '@platform-product/plugin-platform-product-common';

const PRODUCT_KIND = PLATFORM_PRODUCT_KIND.toLocaleLowerCase('en-US');

/**
 * Tells whether an entity is a part of a platform product (it has a `partOf`
 * relation to a PlatformProduct); for `EntitySwitch.Case if={...}`.
 *
 * @public
 */
export function isPartOfPlatformProduct(entity: Entity): boolean {
  return (entity.relations ?? []).some(
    relation =>
      relation.type === RELATION_PART_OF &&
      relation.targetRef
        .toLocaleLowerCase('en-US')
        .startsWith(`${PRODUCT_KIND}:`),
  );
}
