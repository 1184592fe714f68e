import { computeNps } from '@platform-product/plugin-platform-product-common';
import { CheckThresholds } from '../ScorecardConfig';
import { daysBetween, plural } from './format';
import { BuiltInCheck } from './types';

/** Checks on what users say on the Feedback tab and how the team answers. */

const HOUR = 3_600_000;

/** Ratings and posts given in the window; a product nobody wrote to fails (ask for feedback). */
export function feedbackResponsesCheck(
  thresholds: CheckThresholds['feedback-responses'],
): BuiltInCheck {
  const window = `in the last ${plural(thresholds.days, 'day')}`;
  const threshold = `at least ${plural(
    thresholds.minimum,
    'response',
  )} ${window}`;
  const advice = `Ask your users for feedback: link the Feedback tab from your docs and support channel, ask for a rating after onboarding or a release, and answer posts so that people keep writing (${threshold}).`;
  return {
    id: 'feedback-responses',
    title: 'Feedback from users',
    advice,
    evaluate: ({ metrics }) => {
      const responses = metrics.recentRatings + metrics.recentPosts;
      const missing = thresholds.minimum - responses;
      return {
        status: missing <= 0 ? 'pass' : 'fail',
        value: plural(responses, 'response'),
        threshold,
        advice:
          missing <= 0
            ? advice
            : `${plural(missing, 'more response')} needed ${window}. ${advice}`,
      };
    },
  };
}

/**
 * NPS over the last months (the latest rating of each user per month, as the Feedback tab
 * counts it); not applicable with fewer responses than the minimum.
 */
export function npsCheck(thresholds: CheckThresholds['nps']): BuiltInCheck {
  const window = `the last ${plural(thresholds.months, 'month')}`;
  const threshold = `at least ${thresholds.target} from ${plural(
    thresholds.minimumResponses,
    'response',
  )}`;
  const advice = `Raise the NPS to ${thresholds.target} or more: read what detractors wrote on the Feedback tab, fix what they name most, and tell them in an announcement.`;
  return {
    id: 'nps',
    title: 'NPS',
    advice,
    evaluate: ({ metrics }) => {
      const { promoters, passives, detractors } = metrics.nps;
      const responses = promoters + passives + detractors;
      const nps = computeNps(metrics.nps);
      if (nps === null || responses < thresholds.minimumResponses) {
        return {
          status: 'not-applicable',
          value: plural(responses, 'response'),
          threshold,
          advice: `Too few ratings for a meaningful NPS: ${plural(
            thresholds.minimumResponses - responses,
            'more rating',
          )} needed over ${window}. Ask your users to rate the product on its Feedback tab.`,
        };
      }
      return {
        status: nps >= thresholds.target ? 'pass' : 'fail',
        value: `${nps} from ${plural(responses, 'response')}`,
        threshold,
        advice,
      };
    },
  };
}

/**
 * The median time to the team's first reply on the posts of the last months (the histogram
 * the Feedback tab's stats read); not applicable when no post got a team reply then.
 */
export function firstReplyCheck(
  thresholds: CheckThresholds['first-reply'],
): BuiltInCheck {
  const threshold = `within ${plural(thresholds.hours, 'hour')}`;
  const advice = `Answer new posts ${threshold} (the median): have someone on the team go through the Feedback tab every working day and reply, if only to say the post was seen.`;
  return {
    id: 'first-reply',
    title: 'First reply time',
    advice,
    evaluate: ({ metrics }) => {
      const median = metrics.medianFirstReplyMs;
      if (median === null) {
        return {
          status: 'not-applicable',
          value: null,
          threshold,
          advice: `No post of the last ${plural(
            thresholds.months,
            'month',
          )} got a reply from the team yet, so there is no reply time to measure.`,
        };
      }
      const hours = Math.round((median / HOUR) * 10) / 10;
      return {
        status: hours <= thresholds.hours ? 'pass' : 'fail',
        value: plural(hours, 'hour'),
        threshold,
        advice,
      };
    },
  };
}

/** Posts still `new` after N days; a product without such posts passes (nothing waits). */
export function noStalePostsCheck(
  thresholds: CheckThresholds['no-stale-posts'],
): BuiltInCheck {
  const threshold = `none new after ${plural(thresholds.days, 'day')}`;
  const advice = `Triage the Feedback tab so that no post stays new longer than ${plural(
    thresholds.days,
    'day',
  )}: acknowledge, plan, decline or mark each as a duplicate, so that users see they were heard.`;
  return {
    id: 'no-stale-posts',
    title: 'No stale feedback',
    advice,
    evaluate: ({ metrics, now }) => {
      const { stale, oldestAt } = metrics.untriaged;
      if (stale === 0 || oldestAt === null) {
        return { status: 'pass', value: 'none', threshold, advice };
      }
      const age = plural(daysBetween(oldestAt, now), 'day');
      return {
        status: 'fail',
        value: `${plural(stale, 'post')}, the oldest ${age} old`,
        threshold,
        advice: `${plural(
          stale,
          'post is',
          'posts are',
        )} still new after ${plural(
          thresholds.days,
          'day',
        )}, the oldest for ${age}. ${advice}`,
      };
    },
  };
}
