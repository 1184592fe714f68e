import { Entity, EntityRelation } from '@backstage/catalog-model';

/** A user of the default namespace, member of the groups named (of the default namespace). */
export function userEntity(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { memberOf: groups },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}

/** A component of the default namespace with these relations (partOf, dependencyOf, ownedBy...). */
export function componentEntity(
  name: string,
  relations: EntityRelation[] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: {},
    relations,
  };
}
