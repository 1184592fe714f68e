import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** A catalog API that finds these entities by ref, one (getEntityByRef) or several at once. */
export function catalogApiOver(entities: Entity[]) {
  const byRef = (ref: string) =>
    entities.find(
      e =>
        stringifyEntityRef(e).toLocaleLowerCase('en-US') ===
        stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US'),
    );
  return {
    getEntityByRef: jest.fn(async (ref: string) => byRef(ref)),
    getEntitiesByRefs: jest.fn(
      async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(byRef),
      }),
    ),
  };
}
