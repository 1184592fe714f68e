import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AdoptingTeam,
  isPlatformProductEntity,
  PlatformProductEntityV1alpha1,
  ProductAdoption,
} from '@platform-product/plugin-platform-product-common';
import { lower } from '../shared/caller';

const CONSUMER_RELATIONS = [RELATION_DEPENDENCY_OF, RELATION_API_CONSUMED_BY];

const refOf = (entity: Entity) => lower(stringifyEntityRef(entity));

const targetsOf = (entity: Entity, types: string[]) =>
  (entity.relations ?? [])
    .filter(relation => types.includes(relation.type))
    .map(relation => lower(relation.targetRef));

const titleOf = (entity: Entity) =>
  (entity.spec?.profile as { displayName?: string } | undefined)?.displayName ??
  entity.metadata.title;

/**
 * Who uses a product: the entities that depend on the product or one of its parts
 * (dependsOn / consumesApi), grouped by their owning teams. Asks the catalog in four
 * queries whatever the number of parts and consumers, with the caller's credentials,
 * so nobody learns of entities they may not see.
 */
export class AdoptionService {
  static create(options: { catalog: CatalogService }) {
    return new AdoptionService(options.catalog);
  }

  private constructor(private readonly catalog: CatalogService) {}

  async getAdoption(
    productRef: string,
    credentials: BackstageCredentials,
  ): Promise<Omit<ProductAdoption, 'history'>> {
    return this.adoptionOf(
      await this.readableProduct(productRef, credentials),
      credentials,
    );
  }

  /** The product entity as the caller may see it in the catalog; a 404 when they may not or it is none. */
  async readableProduct(
    productRef: string,
    credentials: BackstageCredentials,
  ): Promise<PlatformProductEntityV1alpha1> {
    const product = await this.catalog.getEntityByRef(productRef, {
      credentials,
    });
    if (!isPlatformProductEntity(product)) {
      throw new NotFoundError(
        `No PlatformProduct '${productRef}' in the catalog`,
      );
    }
    return product;
  }

  /** The adoption of a product entity already read (with these credentials). */
  async adoptionOf(
    product: PlatformProductEntityV1alpha1,
    credentials: BackstageCredentials,
  ): Promise<Omit<ProductAdoption, 'history'>> {
    const options = { credentials };
    const productEntityRef = refOf(product);
    const partRefs = [...new Set(targetsOf(product, [RELATION_HAS_PART]))];
    const internal = new Set([productEntityRef, ...partRefs]);

    // 1 query: the parts, for their reverse dependency relations
    const parts = partRefs.length
      ? (
          await this.catalog.getEntitiesByRefs(
            {
              entityRefs: partRefs,
              fields: [
                'kind',
                'metadata.name',
                'metadata.namespace',
                'relations',
              ],
            },
            options,
          )
        ).items
      : [];

    const usesByConsumer = new Map<string, Set<string>>();
    for (const used of [product, ...parts]) {
      if (!used) continue;
      const usedRef = refOf(used);
      for (const consumerRef of targetsOf(used, CONSUMER_RELATIONS)) {
        if (internal.has(consumerRef)) continue;
        const uses = usesByConsumer.get(consumerRef) ?? new Set<string>();
        uses.add(usedRef);
        usesByConsumer.set(consumerRef, uses);
      }
    }
    const consumerRefs = [...usesByConsumer.keys()];

    // 1 query: the consumers, for their owners (consumers the caller may not see drop out)
    const consumers = consumerRefs.length
      ? (
          await this.catalog.getEntitiesByRefs(
            {
              entityRefs: consumerRefs,
              fields: [
                'kind',
                'metadata.name',
                'metadata.namespace',
                'metadata.title',
                'relations',
              ],
            },
            options,
          )
        ).items.filter((entity): entity is Entity => !!entity)
      : [];

    const teams = new Map<string | null, AdoptingTeam>();
    for (const consumer of consumers) {
      const consumerRef = refOf(consumer);
      const owners = targetsOf(consumer, [RELATION_OWNED_BY]);
      for (const teamRef of owners.length ? owners : [null]) {
        const team = teams.get(teamRef) ?? {
          teamRef,
          consumerCount: 0,
          consumers: [],
        };
        team.consumerCount += 1;
        team.consumers.push({
          entityRef: consumerRef,
          title: consumer.metadata.title,
          uses: [...(usesByConsumer.get(consumerRef) ?? [])].sort(),
        });
        teams.set(teamRef, team);
      }
    }

    // 1 query: the teams, for their display names
    const teamRefs = [...teams.keys()].filter((ref): ref is string => !!ref);
    if (teamRefs.length) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: teamRefs,
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'spec.profile.displayName',
          ],
        },
        options,
      );
      items.forEach((entity, index) => {
        const title = entity && titleOf(entity);
        if (title) teams.get(teamRefs[index])!.title = title;
      });
    }

    const sortedTeams = [...teams.values()]
      .map(team => ({
        ...team,
        consumers: team.consumers.sort((a, b) =>
          a.entityRef.localeCompare(b.entityRef),
        ),
      }))
      .sort(
        (a, b) =>
          b.consumerCount - a.consumerCount ||
          // consumers without an owner last among equals ('~' sorts first in localeCompare)
          Number(a.teamRef === null) - Number(b.teamRef === null) ||
          (a.teamRef ?? '').localeCompare(b.teamRef ?? ''),
      );

    return {
      productRef: productEntityRef,
      partCount: partRefs.length,
      consumerCount: consumers.length,
      teamCount: sortedTeams.filter(team => team.teamRef).length,
      teams: sortedTeams,
    };
  }
}
