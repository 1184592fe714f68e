import { PlatformProductEntityV1alpha1 } from '@platform-product/plugin-platform-product-common';
import {
  createPlatformProductConditionalDecision,
  platformProductConditions,
  platformProductRules,
} from './rules';
import { platformProductReadPermission } from '@platform-product/plugin-platform-product-common';

function product(
  spec: Partial<PlatformProductEntityV1alpha1['spec']>,
  namespace?: string,
): PlatformProductEntityV1alpha1 {
  return {
    apiVersion: 'platform-product/v1alpha1',
    kind: 'PlatformProduct',
    metadata: { name: 'deploy', ...(namespace && { namespace }) },
    spec: { owner: 'group:default/platform-team', lifecycle: 'beta', ...spec },
  };
}

const { isProductManager, isOwningTeamMember } = platformProductRules;

describe('isProductManager', () => {
  it.each([
    ['a full ref', 'user:default/jane.doe'],
    ['a short ref', 'jane.doe'],
    ['a ref without namespace', 'user:jane.doe'],
    ['a ref in another case', 'User:Default/Jane.Doe'],
  ])('matches the product manager given as %s', (_, productManager) => {
    expect(
      isProductManager.apply(product({ productManager }), {
        userRefs: ['user:default/someone', 'user:default/jane.doe'],
      }),
    ).toBe(true);
  });

  it('matches user refs given in another case', () => {
    expect(
      isProductManager.apply(
        product({ productManager: 'user:default/jane.doe' }),
        { userRefs: ['USER:default/Jane.Doe'] },
      ),
    ).toBe(true);
  });

  it('resolves a short product manager in the product namespace', () => {
    const inTools = product({ productManager: 'jane.doe' }, 'tools');
    expect(
      isProductManager.apply(inTools, { userRefs: ['user:tools/jane.doe'] }),
    ).toBe(true);
    expect(
      isProductManager.apply(inTools, { userRefs: ['user:default/jane.doe'] }),
    ).toBe(false);
  });

  it('does not match another user', () => {
    expect(
      isProductManager.apply(
        product({ productManager: 'user:default/jane.doe' }),
        { userRefs: ['user:default/john.doe'] },
      ),
    ).toBe(false);
  });

  it('does not match a group of the same name', () => {
    expect(
      isProductManager.apply(product({ productManager: 'jane.doe' }), {
        userRefs: ['group:default/jane.doe'],
      }),
    ).toBe(false);
  });

  it('matches nobody when the product has no product manager', () => {
    expect(
      isProductManager.apply(product({}), {
        userRefs: ['user:default/jane.doe'],
      }),
    ).toBe(false);
  });

  it('turns into a query on the product manager with lower-case refs', () => {
    expect(
      isProductManager.toQuery({
        userRefs: ['User:Default/Jane.Doe', 'user:default/john'],
      }),
    ).toEqual({
      key: 'productManager',
      values: ['user:default/jane.doe', 'user:default/john'],
    });
  });
});

describe('isOwningTeamMember', () => {
  const claims = ['user:default/jane.doe', 'group:default/platform-team'];

  it.each([
    ['a full ref', 'group:default/platform-team'],
    ['a short ref', 'platform-team'],
    ['a ref in another case', 'Group:Default/Platform-Team'],
  ])('matches the owner given as %s', (_, owner) => {
    expect(isOwningTeamMember.apply(product({ owner }), { claims })).toBe(true);
  });

  it('matches claims given in another case', () => {
    expect(
      isOwningTeamMember.apply(product({ owner: 'platform-team' }), {
        claims: ['GROUP:DEFAULT/PLATFORM-TEAM'],
      }),
    ).toBe(true);
  });

  it('matches a user who owns the product', () => {
    expect(
      isOwningTeamMember.apply(product({ owner: 'user:jane.doe' }), { claims }),
    ).toBe(true);
  });

  it('does not match members of other teams', () => {
    expect(
      isOwningTeamMember.apply(product({ owner: 'platform-team' }), {
        claims: ['user:default/john', 'group:default/other-team'],
      }),
    ).toBe(false);
  });

  it('does not match the same team name in another namespace', () => {
    expect(
      isOwningTeamMember.apply(product({ owner: 'platform-team' }, 'tools'), {
        claims,
      }),
    ).toBe(false);
  });

  it('turns into a query on the owner with lower-case refs', () => {
    expect(
      isOwningTeamMember.toQuery({
        claims: ['Group:Default/Platform-Team', 'user:default/jane.doe'],
      }),
    ).toEqual({
      key: 'owner',
      values: ['group:default/platform-team', 'user:default/jane.doe'],
    });
  });
});

describe('platformProductConditions', () => {
  it('builds conditional decisions for a policy', () => {
    expect(
      createPlatformProductConditionalDecision(
        platformProductReadPermission,
        platformProductConditions.isProductManager({
          userRefs: ['user:default/jane.doe'],
        }),
      ),
    ).toEqual({
      result: 'CONDITIONAL',
      pluginId: 'platform-product',
      resourceType: 'platform-product',
      conditions: {
        rule: 'IS_PRODUCT_MANAGER',
        resourceType: 'platform-product',
        params: { userRefs: ['user:default/jane.doe'] },
      },
    });
  });
});
