import { Entity } from '@backstage/catalog-model';
import { processingResult } from '@backstage/plugin-catalog-node';
import { PlatformProductEntitiesProcessor } from './PlatformProductEntitiesProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

function product(
  spec: NonNullable<Entity['spec']>,
  namespace?: string,
): Entity {
  return {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'deployment-platform', ...(namespace && { namespace }) },
    spec,
  };
}

async function relationsOf(entity: Entity) {
  const emit = jest.fn();
  const result = await new PlatformProductEntitiesProcessor().postProcessEntity(
    entity,
    location,
    emit,
  );
  expect(result).toBe(entity);
  return emit.mock.calls.map(([output]) => output);
}

const self = (namespace = 'default') => ({
  kind: 'PlatformProduct',
  namespace,
  name: 'deployment-platform',
});

const pair = (
  other: { kind: string; namespace: string; name: string },
  forward: string,
  backward: string,
  namespace = 'default',
) => [
  processingResult.relation({
    source: self(namespace),
    type: forward,
    target: other,
  }),
  processingResult.relation({
    source: other,
    type: backward,
    target: self(namespace),
  }),
];

describe('PlatformProductEntitiesProcessor', () => {
  const processor = new PlatformProductEntitiesProcessor();

  it('has a name', () => {
    expect(processor.getProcessorName()).toBe(
      'PlatformProductEntitiesProcessor',
    );
  });

  describe('validateEntityKind', () => {
    it('accepts a valid product', async () => {
      await expect(
        processor.validateEntityKind(
          product({ owner: 'group:default/platform-team', lifecycle: 'beta' }),
        ),
      ).resolves.toBe(true);
    });

    it('does not claim other kinds', async () => {
      await expect(
        processor.validateEntityKind({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'deploy-cli' },
          spec: { type: 'service', owner: 'x', lifecycle: 'production' },
        }),
      ).resolves.toBe(false);
    });

    it('throws naming the field for a bad product', async () => {
      await expect(
        processor.validateEntityKind(
          product({
            owner: 'group:default/platform-team',
            productManager: 'group:default/platform-team',
            lifecycle: 'beta',
          }),
        ),
      ).rejects.toThrow(
        "spec.productManager must reference a user entity, got 'group:default/platform-team'",
      );
    });
  });

  describe('postProcessEntity', () => {
    it('emits owner, product manager and part relations with full refs', async () => {
      const outputs = await relationsOf(
        product({
          owner: 'group:default/platform-team',
          productManager: 'user:default/jane.doe',
          lifecycle: 'production',
          parts: [
            'system:default/deploy',
            'component:default/deploy-cli',
            'api:default/deploy-api',
          ],
        }),
      );
      expect(outputs).toEqual([
        ...pair(
          { kind: 'group', namespace: 'default', name: 'platform-team' },
          'ownedBy',
          'ownerOf',
        ),
        ...pair(
          { kind: 'user', namespace: 'default', name: 'jane.doe' },
          'productManagedBy',
          'productManagerOf',
        ),
        ...pair(
          { kind: 'system', namespace: 'default', name: 'deploy' },
          'hasPart',
          'partOf',
        ),
        ...pair(
          { kind: 'component', namespace: 'default', name: 'deploy-cli' },
          'hasPart',
          'partOf',
        ),
        ...pair(
          { kind: 'api', namespace: 'default', name: 'deploy-api' },
          'hasPart',
          'partOf',
        ),
      ]);
    });

    it('defaults the owner to a group, the PM to a user and the namespace to the product one', async () => {
      const outputs = await relationsOf(
        product(
          {
            owner: 'platform-team',
            productManager: 'jane.doe',
            lifecycle: 'beta',
            parts: ['component:deploy-cli', 'api:shared/deploy-api'],
          },
          'tools',
        ),
      );
      expect(outputs).toEqual([
        ...pair(
          { kind: 'Group', namespace: 'tools', name: 'platform-team' },
          'ownedBy',
          'ownerOf',
          'tools',
        ),
        ...pair(
          { kind: 'User', namespace: 'tools', name: 'jane.doe' },
          'productManagedBy',
          'productManagerOf',
          'tools',
        ),
        ...pair(
          { kind: 'component', namespace: 'tools', name: 'deploy-cli' },
          'hasPart',
          'partOf',
          'tools',
        ),
        ...pair(
          { kind: 'api', namespace: 'shared', name: 'deploy-api' },
          'hasPart',
          'partOf',
          'tools',
        ),
      ]);
    });

    it('lets a user own the product', async () => {
      const outputs = await relationsOf(
        product({ owner: 'user:jane.doe', lifecycle: 'beta' }),
      );
      expect(outputs).toEqual(
        pair(
          { kind: 'user', namespace: 'default', name: 'jane.doe' },
          'ownedBy',
          'ownerOf',
        ),
      );
    });

    it('emits no product manager relation when there is no product manager', async () => {
      const outputs = await relationsOf(
        product({ owner: 'group:default/platform-team', lifecycle: 'beta' }),
      );
      expect(outputs).toHaveLength(2);
      expect(outputs.map(output => output.relation.type)).toEqual([
        'ownedBy',
        'ownerOf',
      ]);
    });

    it('leaves other kinds alone', async () => {
      const outputs = await relationsOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'deploy-cli' },
        spec: { owner: 'group:default/platform-team', lifecycle: 'beta' },
      });
      expect(outputs).toEqual([]);
    });
  });
});
