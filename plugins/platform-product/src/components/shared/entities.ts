import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The name people know an entity by: profile display name, title, or name. */
export function displayNameOf(entity: Entity): string {
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  return profile?.displayName || entity.metadata.title || entity.metadata.name;
}

/** A normalized (lower case) full entity ref, or undefined if it cannot be parsed. */
export function normalizeRef(
  ref: string,
  context?: { defaultKind?: string; defaultNamespace?: string },
): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref, context)).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
}

/** The normalized full ref of an entity. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
