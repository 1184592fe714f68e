import { Entity } from '@backstage/catalog-model';
import { ApiHolder } from '@backstage/core-plugin-api';
import { isPlatformProductEntity } from '@platform-product/plugin-platform-product-common';
import { platformProductApiRef } from '@platform-product/plugin-platform-product-react';
import { refOf } from '../shared/entities';

/**
 * Tells whether there is news for an entity's page: a published post of the
 * product itself, or of a product the entity is part of or uses. The same
 * question `EntityLatestProductNewsCard` asks, for
 * `EntitySwitch.Case if={hasPlatformProductNews}`, so the card's grid item is only
 * rendered (and leaves no empty strip) when there is something to show. False
 * when the news cannot be loaded.
 *
 * @public
 */
export async function hasPlatformProductNews(
  entity: Entity,
  context: { apis: ApiHolder },
): Promise<boolean> {
  const api = context.apis.get(platformProductApiRef);
  if (!api) {
    return false;
  }
  const ref = refOf(entity);
  try {
    const { items } = await api.listAnnouncements(
      isPlatformProductEntity(entity)
        ? { productRef: ref, limit: 1 }
        : { entityRef: ref, limit: 1 },
    );
    return items.length > 0;
  } catch {
    return false;
  }
}
