import {
  DAY,
  defaultThresholds,
  facts,
  HOUR,
  NOW,
} from '../../__testUtils__/scorecardFacts';
import {
  feedbackResponsesCheck,
  firstReplyCheck,
  noStalePostsCheck,
  npsCheck,
} from './feedback';

describe('feedback-responses', () => {
  const check = feedbackResponsesCheck(defaultThresholds['feedback-responses']);

  it('passes with at least 10 ratings and posts in 90 days', () => {
    expect(
      check.evaluate(facts({ metrics: { recentRatings: 7, recentPosts: 3 } })),
    ).toMatchObject({
      status: 'pass',
      value: '10 responses',
      threshold: 'at least 10 responses in the last 90 days',
    });
  });

  it('fails with fewer, saying how many more are needed; nobody writing is a failure too', () => {
    expect(
      check.evaluate(facts({ metrics: { recentRatings: 6, recentPosts: 1 } })),
    ).toMatchObject({
      status: 'fail',
      value: '7 responses',
      advice: expect.stringMatching(/^3 more responses needed/),
    });
    expect(check.evaluate(facts())).toMatchObject({
      status: 'fail',
      value: '0 responses',
    });
  });
});

describe('nps', () => {
  const check = npsCheck(defaultThresholds.nps);

  it('passes at or above 30 from at least 10 responses', () => {
    expect(
      check.evaluate(
        facts({
          metrics: { nps: { promoters: 5, passives: 3, detractors: 2 } },
        }),
      ),
    ).toMatchObject({
      status: 'pass',
      value: '30 from 10 responses',
      threshold: 'at least 30 from 10 responses',
    });
  });

  it('fails below the target', () => {
    expect(
      check.evaluate(
        facts({
          metrics: { nps: { promoters: 4, passives: 3, detractors: 3 } },
        }),
      ),
    ).toMatchObject({ status: 'fail', value: '10 from 10 responses' });
  });

  it('does not apply below 10 responses, saying how many more are needed', () => {
    expect(
      check.evaluate(
        facts({
          metrics: { nps: { promoters: 4, passives: 0, detractors: 0 } },
        }),
      ),
    ).toMatchObject({
      status: 'not-applicable',
      value: '4 responses',
      advice: expect.stringMatching(
        /^Too few ratings for a meaningful NPS: 6 more ratings needed over the last 3 months/,
      ),
    });
    expect(check.evaluate(facts())).toMatchObject({
      status: 'not-applicable',
      value: '0 responses',
    });
  });
});

describe('first-reply', () => {
  const check = firstReplyCheck(defaultThresholds['first-reply']);

  it('passes with a median first team reply within 24 hours', () => {
    expect(
      check.evaluate(facts({ metrics: { medianFirstReplyMs: 24 * HOUR } })),
    ).toMatchObject({
      status: 'pass',
      value: '24 hours',
      threshold: 'within 24 hours',
    });
  });

  it('fails beyond', () => {
    expect(
      check.evaluate(facts({ metrics: { medianFirstReplyMs: 30.04 * HOUR } })),
    ).toMatchObject({ status: 'fail', value: '30 hours' });
  });

  it('does not apply when no post got a team reply in the window', () => {
    expect(check.evaluate(facts())).toMatchObject({
      status: 'not-applicable',
      value: null,
      advice: expect.stringContaining('no reply time to measure'),
    });
  });
});

describe('no-stale-posts', () => {
  const check = noStalePostsCheck(defaultThresholds['no-stale-posts']);

  // A product without posts passes: nothing waits for the team, so there is no case where
  // the check does not apply.
  it('passes when no post is still new after 14 days (newer ones may be)', () => {
    expect(
      check.evaluate(
        facts({
          metrics: { untriaged: { stale: 0, oldestAt: NOW - 3 * DAY } },
        }),
      ),
    ).toMatchObject({
      status: 'pass',
      value: 'none',
      threshold: 'none new after 14 days',
    });
    expect(check.evaluate(facts())).toMatchObject({ status: 'pass' });
  });

  it('fails with how many and the age of the oldest', () => {
    expect(
      check.evaluate(
        facts({
          metrics: { untriaged: { stale: 2, oldestAt: NOW - 23.5 * DAY } },
        }),
      ),
    ).toMatchObject({
      status: 'fail',
      value: '2 posts, the oldest 23 days old',
      advice: expect.stringMatching(
        /^2 posts are still new after 14 days, the oldest for 23 days\. Triage/,
      ),
    });
  });
});
