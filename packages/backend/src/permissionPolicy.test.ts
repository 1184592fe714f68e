import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  announcementGlobalManagePermission,
  announcementManagePermission,
  feedbackCreatePermission,
  feedbackModeratePermission,
  feedbackReadPermission,
  feedbackRespondPermission,
  platformProductReadPermission,
  roadmapManagePermission,
  scorecardRefreshPermission,
} from '@platform-product/plugin-platform-product-common';
import { DemoPermissionPolicy } from './permissionPolicy';

function policyFor(userEntityRef: string, ownershipEntityRefs: string[]) {
  const policy = new DemoPermissionPolicy(
    mockServices.userInfo({ userEntityRef, ownershipEntityRefs }),
  );
  const user = {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs },
  };
  return (permission: Parameters<typeof policy.handle>[0]['permission']) =>
    policy.handle({ permission }, user);
}

describe('DemoPermissionPolicy', () => {
  const jane = policyFor('user:default/jane.doe', [
    'user:default/jane.doe',
    'group:default/platform-team',
  ]);
  const admin = policyFor('user:default/root', [
    'user:default/root',
    'group:default/admins',
  ]);

  it.each([
    platformProductReadPermission,
    feedbackCreatePermission,
    feedbackReadPermission,
    createPermission({ name: 'catalog.entity.read', attributes: {} }),
  ])('lets everyone $name', async permission => {
    await expect(jane(permission)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it.each([
    feedbackRespondPermission,
    announcementManagePermission,
    roadmapManagePermission,
    scorecardRefreshPermission,
  ])("lets the product's PM and owning team $name", async permission => {
    await expect(jane(permission)).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'platform-product',
      resourceType: 'platform-product',
      conditions: {
        anyOf: [
          {
            rule: 'IS_PRODUCT_MANAGER',
            resourceType: 'platform-product',
            params: { userRefs: ['user:default/jane.doe'] },
          },
          {
            rule: 'IS_OWNING_TEAM_MEMBER',
            resourceType: 'platform-product',
            params: {
              claims: ['user:default/jane.doe', 'group:default/platform-team'],
            },
          },
        ],
      },
    });
  });

  it('lets only the admins group moderate', async () => {
    await expect(jane(feedbackModeratePermission)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(admin(feedbackModeratePermission)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('lets only the admins group post global announcements', async () => {
    await expect(jane(announcementGlobalManagePermission)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(admin(announcementGlobalManagePermission)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies the team and admin permissions to callers that are no user', async () => {
    const policy = new DemoPermissionPolicy(mockServices.userInfo());
    for (const permission of [
      feedbackRespondPermission,
      feedbackModeratePermission,
      announcementManagePermission,
      roadmapManagePermission,
      scorecardRefreshPermission,
      announcementGlobalManagePermission,
    ]) {
      await expect(policy.handle({ permission })).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });
});
