import { ProductOverviewService } from '../adoption/ProductOverviewService';
import { AnnouncementService } from '../announcements/AnnouncementService';
import { FeedbackService } from '../feedback/FeedbackService';
import { RoadmapService } from '../roadmap/RoadmapService';
import { ScorecardService } from '../scorecards/ScorecardService';
import { z as zod } from 'zod/v3';

/** The capabilities' services the actions call: the same ones the REST routes call. */
export type ActionServices = {
  overview: ProductOverviewService;
  feedback: FeedbackService;
  announcements: AnnouncementService;
  roadmap: RoadmapService;
  scorecards: ScorecardService;
};

/** The input naming the one product an action is about: its entity ref. */
export function productRefInput(z: typeof zod) {
  return z
    .string()
    .describe(
      'The product ref, like "platformproduct:default/deployment-platform" (get-platform-product finds it from a name)',
    );
}
