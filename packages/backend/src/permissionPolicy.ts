import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createPlatformProductConditionalDecision,
  platformProductConditions,
} from '@platform-product/plugin-platform-product-backend';
import {
  announcementGlobalManagePermission,
  announcementManagePermission,
  feedbackModeratePermission,
  feedbackRespondPermission,
  roadmapManagePermission,
  scorecardRefreshPermission,
} from '@platform-product/plugin-platform-product-common';

export const ADMINS_GROUP = 'group:default/admins';

/** Permissions for the product team: its product manager and the members of its owning team. */
const PRODUCT_TEAM_PERMISSIONS = [
  feedbackRespondPermission,
  announcementManagePermission,
  roadmapManagePermission,
  scorecardRefreshPermission,
];

/** Permissions for the admins group only. */
const ADMIN_PERMISSIONS = [
  feedbackModeratePermission.name,
  announcementGlobalManagePermission.name,
];

/**
 * The demo's policy: everyone may do everything, except that a product's feedback is
 * triaged and answered officially (respond), its announcements are posted and managed, its
 * roadmap is shaped and its scorecard refreshed only by its product manager and the members of
 * its owning team,
 * and feedback is moderated and global announcements are posted only by the admins group.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const teamPermission = PRODUCT_TEAM_PERMISSIONS.find(
      p => p.name === permission.name,
    );
    if (teamPermission) {
      if (!user) return { result: AuthorizeResult.DENY };
      return this.productTeamDecision(teamPermission, user);
    }
    if (ADMIN_PERMISSIONS.includes(permission.name)) {
      if (!user) return { result: AuthorizeResult.DENY };
      const info = await this.userInfo.getUserInfo(user.credentials);
      return {
        result: info.ownershipEntityRefs.includes(ADMINS_GROUP)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }

  /** Allowed on the products the user manages (IS_PRODUCT_MANAGER) or whose owning team they are in. */
  private async productTeamDecision(
    permission: ResourcePermission<'platform-product'>,
    user: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const info = await this.userInfo.getUserInfo(user.credentials);
    return createPlatformProductConditionalDecision(permission, {
      anyOf: [
        platformProductConditions.isProductManager({
          userRefs: [info.userEntityRef],
        }),
        platformProductConditions.isOwningTeamMember({
          claims: info.ownershipEntityRefs,
        }),
      ],
    });
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new DemoPermissionPolicy(userInfo));
      },
    });
  },
});
