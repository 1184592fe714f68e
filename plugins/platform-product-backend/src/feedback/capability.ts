import {
  feedbackCreatePermission,
  feedbackModeratePermission,
  feedbackReadPermission,
  feedbackRespondPermission,
} from '@platform-product/plugin-platform-product-common';
import { Capability, CapabilityEnv } from '../shared/capability';
import { AuthorIdentity } from './AuthorIdentity';
import { DatabaseFeedbackStore } from './DatabaseFeedbackStore';
import { FeedbackStore } from './FeedbackStore';
import { FeedbackService } from './FeedbackService';
import { createFeedbackRouter } from './router';

/**
 * Feedback: ratings (NPS), posts, replies and votes on a product, and their permissions.
 * Returns its store and the author identity (hashes and the encrypted refs of anonymous
 * authors), which the roadmap shares: it links posts, keys the people behind an item by
 * their hash and notifies anonymous authors.
 */
export function createFeedbackCapability(env: CapabilityEnv): Capability & {
  identity: AuthorIdentity;
  store: FeedbackStore;
  feedback: FeedbackService;
} {
  const { config } = env;
  env.permissionsRegistry.addPermissions([
    feedbackCreatePermission,
    feedbackReadPermission,
    feedbackRespondPermission,
    feedbackModeratePermission,
  ]);
  const identity = AuthorIdentity.fromConfig(config, env.logger);
  const store = DatabaseFeedbackStore.create(env.db, {
    personKey: ref => identity.hash(ref),
  });
  const feedback = FeedbackService.create({
    ...env.access,
    store,
    identity,
    auditor: env.auditor,
    notifications: env.notifications,
    logger: env.logger,
    dailyLimit: config.getOptionalNumber(
      'platformProduct.feedback.dailyLimitPerUser',
    ),
  });
  return {
    identity,
    store,
    feedback,
    router: createFeedbackRouter({ httpAuth: env.httpAuth, feedback }),
  };
}
