import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  announcementGlobalManagePermission,
  feedbackRespondPermission,
  platformProductReadPermission,
} from '@platform-product/plugin-platform-product-common';
import {
  JANE,
  memoryCache,
  OWEN,
  productEntities,
  whereProductManager,
  X,
  Y,
} from '../__testUtils__';
import { platformProductRules } from '../permissions/rules';
import {
  allowedGlobally,
  allowedOnProducts,
  notAllowed,
  notAllowedTo,
  requireOnProduct,
} from './authorize';
import { ProductResolver } from './ProductResolver';

describe('the permission path', () => {
  const applyConditions = createConditionAuthorizer({
    getRuleByName: name =>
      Object.values(platformProductRules).find(rule => rule.name === name)!,
  });
  /** respond: only the product's PM (a conditional decision); read: everyone */
  const decide = (name: string, user: string): PolicyDecision => {
    if (name !== feedbackRespondPermission.name) {
      return { result: AuthorizeResult.ALLOW };
    }
    return whereProductManager([user]);
  };

  function setup() {
    const calls: string[] = [];
    const permissions: PermissionsService = {
      authorize: async () => {
        throw new Error('the one path asks authorizeConditional only');
      },
      authorizeConditional: async (requests, { credentials }) => {
        const user = (credentials.principal as { userEntityRef: string })
          .userEntityRef;
        calls.push(requests.map(r => r.permission.name).join(', '));
        return requests.map(r => decide(r.permission.name, user));
      },
    };
    const catalog = catalogServiceMock({ entities: productEntities });
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const products = ProductResolver.create({
      catalog,
      cache: memoryCache(),
      auth: mockServices.auth(),
    });
    return {
      deps: { permissions, products, applyConditions },
      calls,
      getEntityByRef,
      getEntitiesByRefs,
    };
  }

  it('evaluates a conditional decision here, on the cached product', async () => {
    const { deps, calls, getEntityByRef } = setup();
    const jane = mockCredentials.user(JANE);
    await expect(
      requireOnProduct(deps, X, feedbackRespondPermission, jane),
    ).resolves.toBeUndefined();
    await expect(
      requireOnProduct(deps, X, feedbackRespondPermission, jane),
    ).resolves.toBeUndefined();
    expect(calls).toEqual([
      feedbackRespondPermission.name,
      feedbackRespondPermission.name,
    ]);
    expect(getEntityByRef).toHaveBeenCalledTimes(1);
  });

  it('words every denial the same way', async () => {
    const { deps } = setup();
    const owen = mockCredentials.user(OWEN);
    await expect(
      requireOnProduct(deps, X, feedbackRespondPermission, owen),
    ).rejects.toThrow(
      "You are not allowed to update 'platformproduct:default/x' (platform-product.feedback.respond)",
    );
    expect(notAllowed(Y, platformProductReadPermission).message).toBe(
      "You are not allowed to read 'platformproduct:default/y' (platform-product.product.read)",
    );
    expect(notAllowed(Y, platformProductReadPermission).name).toBe(
      'NotAllowedError',
    );
  });

  it('answers several permissions on many products in one round trip', async () => {
    const { deps, calls } = setup();
    const allowed = await allowedOnProducts(
      deps,
      [X, Y],
      {
        read: platformProductReadPermission,
        respond: feedbackRespondPermission,
      },
      mockCredentials.user(JANE),
    );
    expect(allowed).toEqual({ read: new Set([X, Y]), respond: new Set([X]) });
    expect(calls).toHaveLength(1);
  });

  it('evaluates a conditional decision on many products with one catalog query for all of them', async () => {
    const { deps, calls, getEntityByRef, getEntitiesByRefs } = setup();
    const refs = [X, Y, 'platformproduct:default/z', 'component:default/x-cli'];
    const allowed = await allowedOnProducts(
      deps,
      refs,
      {
        read: platformProductReadPermission,
        respond: feedbackRespondPermission,
      },
      mockCredentials.user(JANE),
    );
    expect(allowed).toEqual({ read: new Set(refs), respond: new Set([X]) });
    expect(calls).toHaveLength(1);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('asks for a permission about no product through the same path, worded the same way', async () => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValueOnce([
      { result: AuthorizeResult.ALLOW },
    ]);
    permissions.authorize.mockResolvedValueOnce([
      { result: AuthorizeResult.DENY },
    ]);
    const jane = mockCredentials.user(JANE);
    await expect(
      allowedGlobally(
        { permissions },
        announcementGlobalManagePermission,
        jane,
      ),
    ).resolves.toBe(true);
    await expect(
      allowedGlobally(
        { permissions },
        announcementGlobalManagePermission,
        jane,
      ),
    ).resolves.toBe(false);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: announcementGlobalManagePermission }],
      { credentials: jane },
    );
    expect(
      notAllowedTo(
        'manage global announcements',
        announcementGlobalManagePermission,
      ).message,
    ).toBe(
      'You are not allowed to manage global announcements (platform-product.announcement.global.manage)',
    );
  });
});
