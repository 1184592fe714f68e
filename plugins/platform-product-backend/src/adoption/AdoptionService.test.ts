import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AdoptionService } from './AdoptionService';

type Relations = Array<[type: string, targetRef: string]>;

function entity(
  ref: string,
  relations: Relations = [],
  extra: { title?: string; spec?: NonNullable<Entity['spec']> } = {},
): Entity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const kindNames: Record<string, string> = {
    platformproduct: 'PlatformProduct',
    component: 'Component',
    api: 'API',
    system: 'System',
    group: 'Group',
    user: 'User',
  };
  return {
    apiVersion:
      kind === 'platformproduct'
        ? 'platform-product/v1alpha1'
        : 'backstage.io/v1alpha1',
    kind: kindNames[kind],
    metadata: {
      name,
      namespace,
      ...(extra.title && { title: extra.title }),
    },
    spec: extra.spec ?? {},
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  };
}

const PRODUCT = 'platformproduct:default/deploy';
const CLI = 'component:default/deploy-cli';
const API = 'api:default/deploy-api';
const SYSTEM = 'system:default/deploy';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const JANE = 'user:default/jane';

const entities: Entity[] = [
  entity(
    PRODUCT,
    [
      ['ownedBy', 'group:default/platform-team'],
      ['hasPart', CLI],
      ['hasPart', API],
      ['hasPart', SYSTEM],
      ['dependencyOf', 'component:default/reports'],
    ],
    { spec: { owner: 'platform-team', lifecycle: 'production' } },
  ),
  entity(CLI, [
    ['partOf', PRODUCT],
    ['ownedBy', 'group:default/platform-team'],
    ['dependencyOf', 'component:default/checkout'],
    ['dependencyOf', 'component:default/orders'],
    ['dependencyOf', 'component:default/ghost'],
  ]),
  entity(API, [
    ['partOf', PRODUCT],
    ['apiConsumedBy', 'component:default/checkout'],
    ['apiConsumedBy', 'component:default/search'],
    ['apiConsumedBy', 'component:default/orphan'],
    // a part using another part is no adoption
    ['apiConsumedBy', CLI],
    // relations other than dependencyOf / apiConsumedBy are no adoption
    ['apiProvidedBy', 'component:default/provider'],
  ]),
  entity(SYSTEM, [
    ['partOf', PRODUCT],
    ['dependencyOf', 'component:default/billing'],
    ['dependencyOf', PRODUCT],
  ]),
  entity(
    'component:default/checkout',
    [
      ['ownedBy', TEAM_A],
      ['dependsOn', CLI],
      ['consumesApi', API],
    ],
    { title: 'Checkout' },
  ),
  entity('component:default/orders', [['ownedBy', TEAM_A]]),
  entity('component:default/search', [['ownedBy', TEAM_B]], {
    title: 'Search',
  }),
  entity('component:default/billing', [['ownedBy', TEAM_B]]),
  entity('component:default/reports', [['ownedBy', JANE]]),
  entity('component:default/orphan', []),
  entity('component:default/provider', [['ownedBy', TEAM_A]]),
  entity(TEAM_A, [], {
    title: 'Team A (title)',
    spec: { type: 'team', profile: { displayName: 'Team A' } },
  }),
  entity(TEAM_B, [], { title: 'Team B', spec: { type: 'team' } }),
  entity(JANE, [], { spec: { profile: { displayName: 'Jane Doe' } } }),
];

describe('AdoptionService', () => {
  const credentials = mockCredentials.user('user:default/caller');

  function createService(catalogEntities: Entity[] = entities) {
    const catalog = catalogServiceMock({ entities: catalogEntities });
    return {
      catalog,
      service: AdoptionService.create({ catalog }),
    };
  }

  it('groups the consumers of the product and its parts by owning team', async () => {
    const { service } = createService();
    const adoption = await service.getAdoption(PRODUCT, credentials);

    expect(adoption).toEqual({
      productRef: PRODUCT,
      partCount: 3,
      consumerCount: 6,
      teamCount: 3,
      teams: [
        {
          teamRef: TEAM_A,
          title: 'Team A',
          consumerCount: 2,
          consumers: [
            {
              entityRef: 'component:default/checkout',
              title: 'Checkout',
              uses: [API, CLI],
            },
            {
              entityRef: 'component:default/orders',
              title: undefined,
              uses: [CLI],
            },
          ],
        },
        {
          teamRef: TEAM_B,
          title: 'Team B',
          consumerCount: 2,
          consumers: [
            {
              entityRef: 'component:default/billing',
              title: undefined,
              uses: [SYSTEM],
            },
            {
              entityRef: 'component:default/search',
              title: 'Search',
              uses: [API],
            },
          ],
        },
        {
          teamRef: JANE,
          title: 'Jane Doe',
          consumerCount: 1,
          consumers: [
            {
              entityRef: 'component:default/reports',
              title: undefined,
              uses: [PRODUCT],
            },
          ],
        },
        {
          teamRef: null,
          consumerCount: 1,
          consumers: [
            {
              entityRef: 'component:default/orphan',
              title: undefined,
              uses: [API],
            },
          ],
        },
      ],
    });
  });

  it('accepts the product ref in any case and short form', async () => {
    const { service } = createService();
    const adoption = await service.getAdoption(
      'PlatformProduct:deploy',
      credentials,
    );
    expect(adoption.productRef).toBe(PRODUCT);
    expect(adoption.consumerCount).toBe(6);
  });

  it('counts a consumer with two owners in both teams but once overall', async () => {
    const { service } = createService([
      entity(PRODUCT, [['hasPart', CLI]], {
        spec: { owner: 'x', lifecycle: 'beta' },
      }),
      entity(CLI, [['dependencyOf', 'component:default/shared']]),
      entity('component:default/shared', [
        ['ownedBy', TEAM_B],
        ['ownedBy', TEAM_A],
      ]),
    ]);
    const adoption = await service.getAdoption(PRODUCT, credentials);
    expect(adoption.consumerCount).toBe(1);
    expect(adoption.teamCount).toBe(2);
    expect(adoption.teams.map(team => [team.teamRef, team.title])).toEqual([
      [TEAM_A, undefined],
      [TEAM_B, undefined],
    ]);
  });

  it('reports a product without parts or consumers without asking for more', async () => {
    const { service, catalog } = createService([
      entity(PRODUCT, [], { spec: { owner: 'x', lifecycle: 'beta' } }),
    ]);
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    await expect(service.getAdoption(PRODUCT, credentials)).resolves.toEqual({
      productRef: PRODUCT,
      partCount: 0,
      consumerCount: 0,
      teamCount: 0,
      teams: [],
    });
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('throws NotFoundError for a missing product', async () => {
    const { service } = createService();
    const result = service.getAdoption(
      'platformproduct:default/missing',
      credentials,
    );
    await expect(result).rejects.toThrow(NotFoundError);
    await expect(result).rejects.toThrow(
      "No PlatformProduct 'platformproduct:default/missing' in the catalog",
    );
  });

  it('throws NotFoundError for an entity that is not a product', async () => {
    const { service } = createService();
    await expect(
      service.getAdoption('component:default/checkout', credentials),
    ).rejects.toThrow(NotFoundError);
  });

  it('asks the catalog with the caller credentials', async () => {
    const { service, catalog } = createService();
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    await service.getAdoption(PRODUCT, credentials);
    expect(getEntityByRef).toHaveBeenCalledWith(PRODUCT, { credentials });
    for (const [, options] of getEntitiesByRefs.mock.calls) {
      expect(options).toEqual({ credentials });
    }
  });

  it('asks the catalog a bounded number of times for 50 parts and 200 consumers', async () => {
    const parts = Array.from(
      { length: 50 },
      (_, i) => `component:default/part-${i}`,
    );
    const consumers = Array.from(
      { length: 200 },
      (_, i) => `component:default/consumer-${String(i).padStart(3, '0')}`,
    );
    const teams = Array.from(
      { length: 10 },
      (_, i) => `group:default/team-${i}`,
    );
    const { service, catalog } = createService([
      entity(
        PRODUCT,
        parts.map(part => ['hasPart', part]),
        { spec: { owner: 'x', lifecycle: 'beta' } },
      ),
      // consumer i uses parts i % 50 and (i + 1) % 50
      ...parts.map((part, p) =>
        entity(
          part,
          consumers
            .filter((_, i) => i % 50 === p || (i + 1) % 50 === p)
            .map(consumer => ['dependencyOf', consumer] as [string, string]),
        ),
      ),
      ...consumers.map((consumer, i) =>
        entity(consumer, [['ownedBy', teams[i % 10]]]),
      ),
      ...teams.map(team => entity(team)),
    ]);
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const queryEntities = jest.spyOn(catalog, 'queryEntities');

    const adoption = await service.getAdoption(PRODUCT, credentials);

    expect(adoption.partCount).toBe(50);
    expect(adoption.consumerCount).toBe(200);
    expect(adoption.teamCount).toBe(10);
    expect(adoption.teams.map(team => team.consumerCount)).toEqual(
      Array(10).fill(20),
    );
    expect(adoption.teams[0].teamRef).toBe('group:default/team-0');
    expect(adoption.teams[0].consumers[0]).toEqual({
      entityRef: 'component:default/consumer-000',
      title: undefined,
      uses: ['component:default/part-0', 'component:default/part-1'],
    });
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs.mock.calls.length).toBeLessThanOrEqual(3);
    expect(getEntities).not.toHaveBeenCalled();
    expect(queryEntities).not.toHaveBeenCalled();
  });
});
