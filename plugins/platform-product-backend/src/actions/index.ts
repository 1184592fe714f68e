import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerAnnouncementActions } from './announcementActions';
import { registerFeedbackActions } from './feedbackActions';
import { registerProductActions } from './productActions';
import { registerRoadmapActions } from './roadmapActions';
import { registerScorecardActions } from './scorecardActions';
import { ActionServices } from './services';

export type { ActionServices } from './services';

/**
 * Registers the suite's actions with Backstage's actions registry (served to AI agents by the
 * MCP actions backend, callable by other plugins). Each action is a thin adapter over one
 * service call, so it has the route's permission checks, validation and audit events; the
 * caller's credentials come from the registry, never from the input.
 */
export function registerPlatformProductActions(
  registry: ActionsRegistryService,
  services: ActionServices,
) {
  registerProductActions(registry, services);
  registerFeedbackActions(registry, services);
  registerAnnouncementActions(registry, services);
  registerRoadmapActions(registry, services);
  registerScorecardActions(registry, services);
}
