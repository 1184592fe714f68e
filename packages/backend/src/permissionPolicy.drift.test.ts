// The plugin's tests run the demo policy from a copy (the plugin cannot depend on this package,
// which depends on it): this test fails as soon as the copy and the policy decide differently.
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createPermission } from '@backstage/plugin-permission-common';
// the plugin's test helper, which its package does not export (as packages/app-next imports the app's page)
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { demoPolicyDecision } from '@platform-product/plugin-platform-product-backend/src/__testUtils__/demoPolicy';
import {
  platformProductBasicPermissions,
  platformProductPermissions,
} from '@platform-product/plugin-platform-product-common';
import { ADMINS_GROUP, DemoPermissionPolicy } from './permissionPolicy';

const PERMISSIONS = [
  ...platformProductPermissions,
  ...platformProductBasicPermissions,
  createPermission({ name: 'catalog.entity.read', attributes: {} }),
];

/** Each kind of caller: a user's ref and ownership refs, or none for a service. */
const CALLERS: Record<
  string,
  { userEntityRef: string; ownershipEntityRefs: string[] } | undefined
> = {
  'the product manager': {
    userEntityRef: 'user:default/jane',
    ownershipEntityRefs: ['user:default/jane'],
  },
  'an owning team member': {
    userEntityRef: 'user:default/owen',
    ownershipEntityRefs: ['user:default/owen', 'group:default/platform-team'],
  },
  'an adopter': {
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice', 'group:default/team-a'],
  },
  'an outsider': {
    userEntityRef: 'user:default/bob',
    ownershipEntityRefs: ['user:default/bob'],
  },
  'an admin': {
    userEntityRef: 'user:default/root',
    ownershipEntityRefs: ['user:default/root', ADMINS_GROUP],
  },
  'an admin in the owning team': {
    userEntityRef: 'user:default/ada',
    ownershipEntityRefs: [
      'user:default/ada',
      'group:default/platform-team',
      ADMINS_GROUP,
    ],
  },
  'a service': undefined,
};

describe("the plugin's copy of the demo policy", () => {
  it.each(Object.entries(CALLERS))(
    'decides as DemoPermissionPolicy for %s',
    async (_, info) => {
      const policy = new DemoPermissionPolicy(mockServices.userInfo(info));
      const user = info && {
        credentials: mockCredentials.user(info.userEntityRef),
        info,
      };
      const byPolicy: Record<string, unknown> = {};
      const byCopy: Record<string, unknown> = {};
      for (const permission of PERMISSIONS) {
        byPolicy[permission.name] = await policy.handle({ permission }, user);
        byCopy[permission.name] = demoPolicyDecision(permission, info);
      }
      expect(byCopy).toEqual(byPolicy);
    },
  );
});
