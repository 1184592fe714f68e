import {
  feedbackCreatePermission,
  feedbackModeratePermission,
  feedbackReadPermission,
  feedbackRespondPermission,
} from '@platform-product/plugin-platform-product-common';
import { Capability, CapabilityEnv } from '../shared/capability';
import { AuthorIdentity } from './AuthorIdentity';
import { DatabaseFeedbackStore } from './DatabaseFeedbackStore';
import { FeedbackService } from './FeedbackService';
import { createFeedbackRouter } from './router';

/** Feedback: ratings (NPS), posts, replies and votes on a product, and their permissions. */
export function createFeedbackCapability(env: CapabilityEnv): Capability {
  const { config } = env;
  env.permissionsRegistry.addPermissions([
    feedbackCreatePermission,
    feedbackReadPermission,
    feedbackRespondPermission,
    feedbackModeratePermission,
  ]);
  const feedback = FeedbackService.create({
    ...env.access,
    store: DatabaseFeedbackStore.create(env.db),
    identity: AuthorIdentity.fromConfig(config, env.logger),
    auditor: env.auditor,
    notifications: env.notifications,
    logger: env.logger,
    dailyLimit: config.getOptionalNumber(
      'platformProduct.feedback.dailyLimitPerUser',
    ),
  });
  return { router: createFeedbackRouter({ httpAuth: env.httpAuth, feedback }) };
}
