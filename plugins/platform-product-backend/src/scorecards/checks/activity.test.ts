import {
  DAY,
  defaultThresholds,
  facts,
  NOW,
} from '../../__testUtils__/scorecardFacts';
import { recentAnnouncementCheck, roadmapUpdatedCheck } from './activity';
import { adoptingTeamsCheck } from './adoption';

describe('roadmap-updated', () => {
  const check = roadmapUpdatedCheck(defaultThresholds['roadmap-updated']);

  it('passes when the roadmap changed within 90 days', () => {
    expect(
      check.evaluate(facts({ metrics: { roadmapUpdatedAt: NOW - 90 * DAY } })),
    ).toMatchObject({
      status: 'pass',
      value: 'updated 90 days ago',
      threshold: 'within 90 days',
    });
    expect(
      check.evaluate(facts({ metrics: { roadmapUpdatedAt: NOW - 1000 } })),
    ).toMatchObject({ status: 'pass', value: 'updated today' });
  });

  it('fails when it did not', () => {
    expect(
      check.evaluate(
        facts({ metrics: { roadmapUpdatedAt: NOW - 90 * DAY - 1 } }),
      ),
    ).toMatchObject({ status: 'fail', value: 'updated 90 days ago' });
  });

  it('fails without a roadmap (the capability is always there), with advice to start one', () => {
    expect(check.evaluate(facts())).toMatchObject({
      status: 'fail',
      value: null,
      advice: expect.stringMatching(/^Start a roadmap/),
    });
  });
});

describe('recent-announcement', () => {
  const check = recentAnnouncementCheck(
    defaultThresholds['recent-announcement'],
  );

  it('passes with an announcement published within 60 days', () => {
    expect(
      check.evaluate(
        facts({ metrics: { lastAnnouncementAt: NOW - 60 * DAY } }),
      ),
    ).toMatchObject({
      status: 'pass',
      value: '60 days ago',
      threshold: 'within 60 days',
    });
  });

  it('fails with an older one, or none ever (announcing is always possible)', () => {
    expect(
      check.evaluate(
        facts({ metrics: { lastAnnouncementAt: NOW - 61 * DAY } }),
      ),
    ).toMatchObject({ status: 'fail', value: '61 days ago' });
    expect(check.evaluate(facts())).toMatchObject({
      status: 'fail',
      value: null,
      advice: expect.stringContaining('Announcements tab'),
    });
  });
});

describe('adopting-teams', () => {
  const check = adoptingTeamsCheck(defaultThresholds['adopting-teams']);

  it('passes with at least 3 adopting teams', () => {
    expect(
      check.evaluate(facts({ metrics: { adoptingTeams: 3 } })),
    ).toMatchObject({
      status: 'pass',
      value: '3 teams',
      threshold: 'at least 3 teams',
    });
  });

  it('fails with fewer', () => {
    expect(
      check.evaluate(facts({ metrics: { adoptingTeams: 1 } })),
    ).toMatchObject({ status: 'fail', value: '1 team' });
  });

  it('does not apply before the first adoption snapshot', () => {
    expect(check.evaluate(facts())).toMatchObject({
      status: 'not-applicable',
      value: null,
      advice: expect.stringContaining('not been recorded yet'),
    });
  });
});
