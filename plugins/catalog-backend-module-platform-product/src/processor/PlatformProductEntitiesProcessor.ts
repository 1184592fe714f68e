import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  isPlatformProductEntity,
  RELATION_PRODUCT_MANAGED_BY,
  RELATION_PRODUCT_MANAGER_OF,
  validatePlatformProductEntity,
} from '@platform-product/plugin-platform-product-common';

/**
 * Teaches the catalog the PlatformProduct kind: validates it (a bad spec becomes a
 * processing error naming the field) and emits its relations to owner, product
 * manager and parts.
 */
export class PlatformProductEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'PlatformProductEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    return validatePlatformProductEntity(entity) !== false;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isPlatformProductEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const { namespace } = self;
    const emitPair = (
      target: string,
      defaultKind: string | undefined,
      forward: string,
      backward: string,
    ) => {
      const other = parseEntityRef(target, {
        defaultKind,
        defaultNamespace: namespace,
      });
      emit(
        processingResult.relation({
          source: self,
          type: forward,
          target: other,
        }),
      );
      emit(
        processingResult.relation({
          source: other,
          type: backward,
          target: self,
        }),
      );
    };

    const { spec } = entity;
    emitPair(spec.owner, 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF);
    if (spec.productManager) {
      emitPair(
        spec.productManager,
        'User',
        RELATION_PRODUCT_MANAGED_BY,
        RELATION_PRODUCT_MANAGER_OF,
      );
    }
    for (const part of spec.parts ?? []) {
      emitPair(part, undefined, RELATION_HAS_PART, RELATION_PART_OF);
    }
    return entity;
  }
}
