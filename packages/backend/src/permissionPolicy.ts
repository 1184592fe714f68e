import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
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
  feedbackModeratePermission,
  feedbackRespondPermission,
} from '@platform-product/plugin-platform-product-common';

export const ADMINS_GROUP = 'group:default/admins';

/**
 * The demo's policy: everyone may do everything, except that a product's feedback is
 * triaged and answered officially (respond) only by its product manager and the members
 * of its owning team, and moderated only by the admins group.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (permission.name === feedbackRespondPermission.name) {
      if (!user) return { result: AuthorizeResult.DENY };
      const info = await this.userInfo.getUserInfo(user.credentials);
      return createPlatformProductConditionalDecision(
        feedbackRespondPermission,
        {
          anyOf: [
            platformProductConditions.isProductManager({
              userRefs: [info.userEntityRef],
            }),
            platformProductConditions.isOwningTeamMember({
              claims: info.ownershipEntityRefs,
            }),
          ],
        },
      );
    }
    if (permission.name === feedbackModeratePermission.name) {
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
