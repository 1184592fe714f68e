import { ProductOverviewService } from '../adoption/ProductOverviewService';
import { AnnouncementService } from '../announcements/AnnouncementService';
import { FeedbackService } from '../feedback/FeedbackService';
import { RoadmapService } from '../roadmap/RoadmapService';
import { ScorecardService } from '../scorecards/ScorecardService';

/** The capabilities' services the actions call: the same ones the REST routes call. */
export type ActionServices = {
  overview: ProductOverviewService;
  feedback: FeedbackService;
  announcements: AnnouncementService;
  roadmap: RoadmapService;
  scorecards: ScorecardService;
};
