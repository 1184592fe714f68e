import { Entity } from '@backstage/catalog-model';
import { validatePlatformProductEntity } from './validator';

function product(spec: NonNullable<Entity['spec']>): Entity {
  return {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'deployment-platform', title: 'Deployment Platform' },
    spec,
  };
}

const validSpec = {
  owner: 'group:default/platform-team',
  productManager: 'user:default/jane.doe',
  lifecycle: 'production',
  vision: 'Every team ships to production in one command.',
  audience: ['backend developers', 'data engineers'],
  support: {
    channels: [
      { type: 'chat', name: '#deploy-help', url: 'https://chat.example.com' },
    ],
    officeHours: { schedule: 'Thursdays 15:00 CET' },
  },
  parts: [
    'system:default/deploy',
    'component:default/deploy-cli',
    'api:default/deploy-api',
  ],
};

function errorOf(entity: Entity): Error {
  try {
    validatePlatformProductEntity(entity);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the validator to throw');
}

describe('validatePlatformProductEntity', () => {
  it('accepts a valid product and returns it', () => {
    const entity = product(validSpec);
    expect(validatePlatformProductEntity(entity)).toBe(entity);
  });

  it('accepts a minimal product with short refs', () => {
    const entity = product({ owner: 'platform-team', lifecycle: 'beta' });
    expect(validatePlatformProductEntity(entity)).toEqual(entity);
  });

  it('accepts a product owned by a user', () => {
    const entity = product({
      owner: 'user:jane.doe',
      productManager: 'jane.doe',
      lifecycle: 'experimental',
    });
    expect(validatePlatformProductEntity(entity)).toBe(entity);
  });

  it('returns false for another kind', () => {
    expect(
      validatePlatformProductEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'deploy-cli' },
        spec: { type: 'service', owner: 'x', lifecycle: 'production' },
      }),
    ).toBe(false);
  });

  it('returns false for the kind under another apiVersion', () => {
    expect(
      validatePlatformProductEntity({
        ...product(validSpec),
        apiVersion: 'platform-product/v2',
      }),
    ).toBe(false);
  });

  it.each<[string, NonNullable<Entity['spec']>, string[]]>([
    [
      'missing spec.owner',
      { lifecycle: 'production' },
      ['spec.owner', 'required'],
    ],
    [
      'missing spec.lifecycle',
      { owner: 'group:default/platform-team' },
      ['spec.lifecycle', 'required'],
    ],
    [
      'unknown lifecycle',
      { owner: 'group:default/platform-team', lifecycle: 'retired' },
      ['spec.lifecycle', 'allowed values'],
    ],
    [
      'a group as product manager',
      { ...validSpec, productManager: 'group:default/x' },
      ['spec.productManager', 'user', "'group:default/x'"],
    ],
    [
      'a product manager that is no ref (user:)',
      { ...validSpec, productManager: 'user:' },
      ['spec.productManager', 'entity reference', "'user:'"],
    ],
    [
      'a product manager that is no ref (:)',
      { ...validSpec, productManager: ':' },
      ['spec.productManager', 'entity reference', "':'"],
    ],
    [
      'an empty product manager',
      { ...validSpec, productManager: '' },
      ['spec.productManager'],
    ],
    [
      'an owner that is a component',
      { ...validSpec, owner: 'component:default/deploy-cli' },
      ['spec.owner', 'group or user'],
    ],
    [
      'parts that are not an array',
      { ...validSpec, parts: 'component:default/deploy-cli' },
      ['spec.parts', 'array'],
    ],
    [
      'a part that is not a string',
      { ...validSpec, parts: ['component:default/deploy-cli', 42] },
      ['spec.parts[1]', 'string'],
    ],
    [
      'a malformed part ref',
      { ...validSpec, parts: ['system:default/deploy', 'component:'] },
      ['spec.parts[1]', 'entity reference', "'component:'"],
    ],
    [
      'a part without a kind',
      { ...validSpec, parts: ['deploy-cli'] },
      ['spec.parts[0]', "'deploy-cli'"],
    ],
    [
      'an unknown spec field',
      { ...validSpec, roadmap: 'later' },
      ['spec.roadmap', 'not a known field'],
    ],
    [
      'an unknown support field',
      { ...validSpec, support: { pager: 'x' } },
      ['spec.support.pager', 'not a known field'],
    ],
    [
      'a support channel without a name',
      { ...validSpec, support: { channels: [{ type: 'chat' }] } },
      ['spec.support.channels[0].name', 'required'],
    ],
  ])('throws a TypeError naming the field for %s', (_, spec, fragments) => {
    const error = errorOf(product(spec));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^Invalid PlatformProduct: |^spec\./);
    for (const fragment of fragments) {
      expect(error.message).toContain(fragment);
    }
  });

  it('throws naming spec when the spec is missing', () => {
    const { spec: _spec, ...withoutSpec } = product(validSpec);
    const error = errorOf(withoutSpec as Entity);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('Invalid PlatformProduct: spec is required');
  });

  it('gives the exact message for a group as product manager', () => {
    expect(
      errorOf(product({ ...validSpec, productManager: 'group:default/x' }))
        .message,
    ).toBe(
      "spec.productManager must reference a user entity, got 'group:default/x'",
    );
  });
});
