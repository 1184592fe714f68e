import { CheckThresholds } from '../ScorecardConfig';
import { daysAgo, daysInMs, plural } from './format';
import { BuiltInCheck } from './types';

/** Checks on how recently the team told its users something: the roadmap, announcements. */

/**
 * A product without a roadmap fails (its users cannot see where it goes): the roadmap
 * capability is always there, so "no roadmap" is a gap to close, not missing data.
 */
export function roadmapUpdatedCheck(
  thresholds: CheckThresholds['roadmap-updated'],
): BuiltInCheck {
  const threshold = `within ${plural(thresholds.days, 'day')}`;
  const advice = `Review the roadmap at least every ${plural(
    thresholds.days,
    'day',
  )}: move what shipped, re-rank Now, Next and Later, and add what is coming.`;
  return {
    id: 'roadmap-updated',
    title: 'Roadmap kept up to date',
    advice,
    evaluate: ({ metrics, now }) => {
      const updatedAt = metrics.roadmapUpdatedAt;
      if (updatedAt === null) {
        return {
          status: 'fail',
          value: null,
          threshold,
          advice:
            "Start a roadmap on the product's Roadmap tab: what the team works on now, next and later, so that users can plan around it.",
        };
      }
      return {
        status: now - updatedAt <= daysInMs(thresholds.days) ? 'pass' : 'fail',
        value: `updated ${daysAgo(updatedAt, now)}`,
        threshold,
        advice,
      };
    },
  };
}

/** A product that never announced anything fails: announcing is always possible. */
export function recentAnnouncementCheck(
  thresholds: CheckThresholds['recent-announcement'],
): BuiltInCheck {
  const threshold = `within ${plural(thresholds.days, 'day')}`;
  const advice = `Tell your users what changed at least every ${plural(
    thresholds.days,
    'day',
  )}: publish a release note, a deprecation or an event on the product's Announcements tab.`;
  return {
    id: 'recent-announcement',
    title: 'Recent announcement',
    advice,
    evaluate: ({ metrics, now }) => {
      const lastAt = metrics.lastAnnouncementAt;
      if (lastAt === null) {
        return { status: 'fail', value: null, threshold, advice };
      }
      return {
        status: now - lastAt <= daysInMs(thresholds.days) ? 'pass' : 'fail',
        value: daysAgo(lastAt, now),
        threshold,
        advice,
      };
    },
  };
}
