import { createApiRef } from '@backstage/core-plugin-api';
import { PlatformProductAdoptionApi } from '../adoption/AdoptionApi';
import { PlatformProductAnnouncementsApi } from '../announcements/AnnouncementsApi';
import { PlatformProductFeedbackApi } from '../feedback/FeedbackApi';
import { PlatformProductRoadmapApi } from '../roadmap/RoadmapApi';
import { PlatformProductScorecardsApi } from '../scorecards/ScorecardsApi';

/**
 * The Platform Product backend, as seen from the browser: every capability's
 * calls in one API.
 *
 * @public
 */
export interface PlatformProductApi
  extends PlatformProductAdoptionApi,
    PlatformProductFeedbackApi,
    PlatformProductAnnouncementsApi,
    PlatformProductRoadmapApi,
    PlatformProductScorecardsApi {}

/**
 * The API reference of {@link PlatformProductApi}.
 *
 * @public
 */
export const platformProductApiRef = createApiRef<PlatformProductApi>({
  id: 'plugin.platform-product.api',
});
