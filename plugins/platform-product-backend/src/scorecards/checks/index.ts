import { CheckThresholds } from '../ScorecardConfig';
import { recentAnnouncementCheck, roadmapUpdatedCheck } from './activity';
import { adoptingTeamsCheck } from './adoption';
import {
  documentationCheck,
  lifecycleCheck,
  officeHoursCheck,
  supportChannelCheck,
  visionCheck,
} from './entity';
import {
  feedbackResponsesCheck,
  firstReplyCheck,
  noStalePostsCheck,
  npsCheck,
} from './feedback';
import { productManagerCheck } from './productManager';
import { BuiltInCheck } from './types';

export type { BuiltInCheck, ProductFacts, ProductManagerFact } from './types';

/** The built-in checks with these thresholds, in the order of BUILT_IN_SCORECARD_CHECKS. */
export function builtInChecks(thresholds: CheckThresholds): BuiltInCheck[] {
  return [
    productManagerCheck(),
    visionCheck(thresholds.vision),
    lifecycleCheck(),
    documentationCheck(),
    supportChannelCheck(),
    officeHoursCheck(),
    roadmapUpdatedCheck(thresholds['roadmap-updated']),
    recentAnnouncementCheck(thresholds['recent-announcement']),
    feedbackResponsesCheck(thresholds['feedback-responses']),
    npsCheck(thresholds.nps),
    firstReplyCheck(thresholds['first-reply']),
    noStalePostsCheck(thresholds['no-stale-posts']),
    adoptingTeamsCheck(thresholds['adopting-teams']),
  ];
}
