/**
 * Scenario "adoption": GET /api/platform-product/adoption for one product with 200 parts
 * (150 components, 50 APIs) and 2,000 consuming components owned by 100 teams.
 *
 * Raw-query floor: the same answer straight from the catalog's tables, in the fewest queries:
 *   1. the product's parts          relations  (source = product, type hasPart)
 *   2. the parts' consumers         relations  (source in parts, type dependencyOf | apiConsumedBy)
 *   3. the consumers' owners        relations  (source in consumers, type ownedBy)
 *   4. the owners' entities         final_entities (entity_ref in owners), parsed for their titles
 * then grouped by team in JS, as the route does.
 *
 * Diagnostic "raw-entities": what the route's four catalog calls read, without HTTP, auth and
 * permissions: the product, the parts, the consumers and the teams as whole final_entities rows,
 * parsed (JSON.parse) and grouped.
 */

const PRODUCT = 'bench-adoption-product';
const PRODUCT_REF = `platformproduct:default/${PRODUCT}`;
const PART_COMPONENTS = 150;
const PART_APIS = 50;
const CONSUMERS = 2000;
const TEAMS = 100;

const partComponentRef = i => `component:default/part-${i}`;
const partApiRef = i => `api:default/part-api-${i}`;
const teamRef = i => `group:default/team-${i}`;

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same graph. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function entities() {
  const rand = prng(42);
  const pick = n => Math.floor(rand() * n);
  const out = [];

  for (let i = 0; i < TEAMS; i++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${i}` },
      spec: {
        type: 'team',
        profile: { displayName: `Team ${i}` },
        children: [],
      },
    });
  }

  out.push({
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: {
      name: PRODUCT,
      title: 'Bench Adoption Product',
      description: 'A product with 200 parts and 2,000 consumers.',
    },
    spec: {
      owner: 'group:default/bench-platform',
      productManager: 'user:default/bench-user',
      lifecycle: 'production',
      vision: 'Measure the adoption route at scale.',
      parts: [
        ...Array.from({ length: PART_COMPONENTS }, (_, i) =>
          partComponentRef(i),
        ),
        ...Array.from({ length: PART_APIS }, (_, i) => partApiRef(i)),
      ],
    },
  });

  for (let i = 0; i < PART_COMPONENTS; i++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `part-${i}`, title: `Part ${i}` },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/bench-platform',
      },
    });
  }
  for (let i = 0; i < PART_APIS; i++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: `part-api-${i}`, title: `Part API ${i}` },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'group:default/bench-platform',
        definition:
          'openapi: 3.0.0\ninfo: { title: bench, version: 1.0.0 }\npaths: {}\n',
      },
    });
  }

  // Every consumer uses at least one part: one component, two components, or an API (+ a component)
  for (let i = 0; i < CONSUMERS; i++) {
    const spec = {
      type: 'service',
      lifecycle: 'production',
      owner: teamRef(i % TEAMS),
    };
    const mode = i % 3;
    const first = pick(PART_COMPONENTS);
    if (mode === 0) {
      spec.dependsOn = [partComponentRef(first)];
    } else if (mode === 1) {
      const second = (first + 1 + pick(PART_COMPONENTS - 1)) % PART_COMPONENTS;
      spec.dependsOn = [partComponentRef(first), partComponentRef(second)];
    } else {
      spec.consumesApis = [partApiRef(pick(PART_APIS))];
      if (rand() < 0.5) spec.dependsOn = [partComponentRef(first)];
    }
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `consumer-${i}`, title: `Consumer ${i}` },
      spec,
    });
  }
  return out;
}

/** Groups consumers by owner; the shape (not the exact bytes) of the route's answer. */
function groupByTeam(usesByConsumer, ownersByConsumer, teamTitles) {
  const teams = new Map();
  for (const [consumer, uses] of usesByConsumer) {
    const owners = ownersByConsumer.get(consumer) ?? [null];
    for (const owner of owners) {
      const team = teams.get(owner) ?? {
        teamRef: owner,
        title: owner ? teamTitles.get(owner) : undefined,
        consumerCount: 0,
        consumers: [],
      };
      team.consumerCount += 1;
      team.consumers.push({ entityRef: consumer, uses: [...uses].sort() });
      teams.set(owner, team);
    }
  }
  const sorted = [...teams.values()].sort(
    (a, b) =>
      b.consumerCount - a.consumerCount ||
      (a.teamRef ?? '~').localeCompare(b.teamRef ?? '~'),
  );
  return {
    consumerCount: usesByConsumer.size,
    teamCount: sorted.filter(t => t.teamRef).length,
    teams: sorted,
  };
}

const CONSUMER_TYPES = ['dependencyOf', 'apiConsumedBy'];

/**
 * The SQL of the relations floor. `inList(n)` renders a parameter list for n values;
 * each engine supplies its own (SQLite: json_each(?), PostgreSQL: ANY($1::text[])).
 */
function relationsFloor(q) {
  return async () => {
    const parts = (
      await q(
        `SELECT target_entity_ref AS ref FROM relations
         WHERE source_entity_ref = :one AND type = 'hasPart'`,
        { one: PRODUCT_REF },
      )
    ).map(r => r.ref);
    const internal = new Set([PRODUCT_REF, ...parts]);
    const usesByConsumer = new Map();
    for (const r of await q(
      `SELECT source_entity_ref AS used, target_entity_ref AS consumer FROM relations
       WHERE source_entity_ref IN :many AND type IN ('dependencyOf', 'apiConsumedBy')`,
      { many: [PRODUCT_REF, ...parts] },
    )) {
      if (internal.has(r.consumer)) continue;
      const uses = usesByConsumer.get(r.consumer) ?? new Set();
      uses.add(r.used);
      usesByConsumer.set(r.consumer, uses);
    }
    const ownersByConsumer = new Map();
    for (const r of await q(
      `SELECT source_entity_ref AS consumer, target_entity_ref AS owner FROM relations
       WHERE source_entity_ref IN :many AND type = 'ownedBy'`,
      { many: [...usesByConsumer.keys()] },
    )) {
      const owners = ownersByConsumer.get(r.consumer) ?? [];
      owners.push(r.owner);
      ownersByConsumer.set(r.consumer, owners);
    }
    const ownerRefs = [...new Set([...ownersByConsumer.values()].flat())];
    const teamTitles = new Map();
    for (const r of await q(
      `SELECT entity_ref AS ref, final_entity AS entity FROM final_entities
       WHERE entity_ref IN :many`,
      { many: ownerRefs },
    )) {
      const e = JSON.parse(r.entity);
      teamTitles.set(r.ref, e.spec?.profile?.displayName ?? e.metadata.title);
    }
    return groupByTeam(usesByConsumer, ownersByConsumer, teamTitles);
  };
}

/** What the route's catalog calls read: whole entity rows, by ref, parsed. */
function entitiesDiag(q) {
  const byRefs = async refs => {
    const rows = await q(
      `SELECT entity_ref AS ref, final_entity AS entity FROM final_entities
       WHERE entity_ref IN :many`,
      { many: refs },
    );
    return rows.map(r => JSON.parse(r.entity));
  };
  const refOf = e =>
    `${e.kind}:${e.metadata.namespace ?? 'default'}/${
      e.metadata.name
    }`.toLowerCase();
  const targets = (e, types) =>
    (e.relations ?? [])
      .filter(r => types.includes(r.type))
      .map(r => r.targetRef.toLowerCase());
  return async () => {
    const [product] = await byRefs([PRODUCT_REF]);
    const partRefs = targets(product, ['hasPart']);
    const internal = new Set([PRODUCT_REF, ...partRefs]);
    const usesByConsumer = new Map();
    for (const used of [product, ...(await byRefs(partRefs))]) {
      for (const consumer of targets(used, CONSUMER_TYPES)) {
        if (internal.has(consumer)) continue;
        const uses = usesByConsumer.get(consumer) ?? new Set();
        uses.add(refOf(used));
        usesByConsumer.set(consumer, uses);
      }
    }
    const ownersByConsumer = new Map();
    for (const consumer of await byRefs([...usesByConsumer.keys()])) {
      ownersByConsumer.set(refOf(consumer), targets(consumer, ['ownedBy']));
    }
    const ownerRefs = [...new Set([...ownersByConsumer.values()].flat())];
    const teamTitles = new Map();
    for (const team of await byRefs(ownerRefs)) {
      teamTitles.set(
        refOf(team),
        team.spec?.profile?.displayName ?? team.metadata.title,
      );
    }
    return groupByTeam(usesByConsumer, ownersByConsumer, teamTitles);
  };
}

/** @type {import('./index.mjs').Scenario} */
export default {
  name: 'adoption',
  description: `GET adoption of a product with ${
    PART_COMPONENTS + PART_APIS
  } parts and ${CONSUMERS} consumers (${TEAMS} teams)`,
  entities,
  request: {
    method: 'GET',
    path: `/api/platform-product/adoption?productRef=${encodeURIComponent(
      PRODUCT_REF,
    )}`,
  },
  /** The route's answer once the catalog holds the whole graph (also checked after measuring). */
  check(body) {
    const problems = [];
    if (body?.partCount !== PART_COMPONENTS + PART_APIS)
      problems.push(`partCount ${body?.partCount}`);
    if (body?.consumerCount !== CONSUMERS)
      problems.push(`consumerCount ${body?.consumerCount}`);
    if (body?.teamCount !== TEAMS)
      problems.push(`teamCount ${body?.teamCount}`);
    if (body?.teams?.some(t => t.teamRef && !t.title))
      problems.push('a team has no title yet');
    return problems;
  },
  raw: {
    // the floor
    floor: relationsFloor,
    // extra rows, shown for diagnosis
    diagnostics: { 'raw-entities': entitiesDiag },
    checkRaw(result) {
      const problems = [];
      if (result.consumerCount !== CONSUMERS)
        problems.push(`consumerCount ${result.consumerCount}`);
      if (result.teamCount !== TEAMS)
        problems.push(`teamCount ${result.teamCount}`);
      return problems;
    },
  },
};
