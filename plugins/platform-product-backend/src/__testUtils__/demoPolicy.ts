import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  announcementGlobalManagePermission,
  announcementManagePermission,
  feedbackModeratePermission,
  feedbackRespondPermission,
  roadmapManagePermission,
  scorecardRefreshPermission,
} from '@platform-product/plugin-platform-product-common';
import {
  createPlatformProductConditionalDecision,
  platformProductConditions,
} from '../permissions/rules';

const ADMINS_GROUP = 'group:default/admins';

/** Who a user is to the policy: their ref and ownership refs (the user-info service's answer). */
export type DemoUserInfo = {
  userEntityRef: string;
  ownershipEntityRefs: string[];
};

/**
 * A copy of the demo backend's policy (packages/backend/src/permissionPolicy.ts; the plugin
 * cannot import the demo backend, which depends on it): everyone may do everything, except
 * that responding, announcing, the roadmap and scorecard refreshes are for the product's PM
 * and the members of its owning team (a conditional decision, the plugin's rules), and
 * moderation and global announcements are for the admins group. Keep the two in step.
 */
export function demoPolicyDecision(
  permission: Permission,
  user: DemoUserInfo | undefined,
): PolicyDecision {
  const teamPermission = [
    feedbackRespondPermission,
    announcementManagePermission,
    roadmapManagePermission,
    scorecardRefreshPermission,
  ].find(p => p.name === permission.name);
  if (teamPermission) {
    if (!user) return { result: AuthorizeResult.DENY };
    return createPlatformProductConditionalDecision(
      teamPermission as ResourcePermission<'platform-product'>,
      {
        anyOf: [
          platformProductConditions.isProductManager({
            userRefs: [user.userEntityRef],
          }),
          platformProductConditions.isOwningTeamMember({
            claims: user.ownershipEntityRefs,
          }),
        ],
      },
    );
  }
  if (
    [
      feedbackModeratePermission.name,
      announcementGlobalManagePermission.name,
    ].includes(permission.name)
  ) {
    if (!user) return { result: AuthorizeResult.DENY };
    return {
      result: user.ownershipEntityRefs.includes(ADMINS_GROUP)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }
  return { result: AuthorizeResult.ALLOW };
}

/**
 * The permissions service the plugin sees when the permission backend runs `decide`: each
 * request answered for the user of the credentials (undefined for a service), as the
 * permission backend asks its policy; `authorize` (basic permissions) gets ALLOW or DENY.
 */
export function permissionsOfPolicy(
  decide: (
    permission: Permission,
    user: DemoUserInfo | undefined,
  ) => PolicyDecision,
  ownership: Record<string, string[]>,
): PermissionsService {
  const userOf = (credentials: { principal: unknown }) => {
    const { type, userEntityRef } = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    if (type !== 'user' || !userEntityRef) return undefined;
    return {
      userEntityRef,
      ownershipEntityRefs: ownership[userEntityRef] ?? [userEntityRef],
    };
  };
  return {
    authorize: async (requests, { credentials }) =>
      requests.map(({ permission }) => {
        if (isResourcePermission(permission)) {
          throw new Error(`${permission.name} is asked conditionally`);
        }
        const { result } = decide(permission, userOf(credentials));
        if (result === AuthorizeResult.CONDITIONAL) {
          throw new Error(`a conditional decision on ${permission.name}`);
        }
        return { result };
      }),
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(({ permission }) => decide(permission, userOf(credentials))),
  };
}
