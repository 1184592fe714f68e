import fs from 'node:fs';
import path from 'node:path';

/** Entities every scenario can rely on: the bench user (signed in as guest) and the platform team. */
export function baseEntities() {
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'bench-platform' },
      spec: {
        type: 'team',
        profile: { displayName: 'Bench Platform' },
        children: [],
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'bench-user' },
      spec: {
        profile: { displayName: 'Bench User' },
        memberOf: ['group:default/bench-platform'],
      },
    },
  ];
}

const refOf = e =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLowerCase();

/** Merges the base and the scenarios' entities; the same ref twice must be the same entity. */
export function collectEntities(scenarios) {
  const byRef = new Map();
  for (const [source, list] of [
    ['base', baseEntities()],
    ...scenarios.map(s => [s.name, s.entities()]),
  ]) {
    for (const entity of list) {
      const ref = refOf(entity);
      const seen = byRef.get(ref);
      if (seen && JSON.stringify(seen.entity) !== JSON.stringify(entity)) {
        throw new Error(
          `${ref} is seeded differently by ${seen.source} and ${source}`,
        );
      }
      if (!seen) byRef.set(ref, { entity, source });
    }
  }
  return [...byRef.values()].map(v => v.entity);
}

/** Writes a multi-document YAML file. JSON is YAML, one document per entity. */
export function writeSeed(file, entities) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = entities.map(e => `---\n${JSON.stringify(e)}\n`).join('');
  fs.writeFileSync(file, text);
  const kinds = {};
  for (const e of entities)
    kinds[e.kind.toLowerCase()] = (kinds[e.kind.toLowerCase()] ?? 0) + 1;
  return kinds;
}
