import { ConfigReader } from '@backstage/config';
import { BUILT_IN_SCORECARD_CHECKS } from '@platform-product/plugin-platform-product-common';
import { ScorecardCheck } from '@platform-product/plugin-platform-product-node';
import { readScorecardSettings } from './ScorecardConfig';

const settingsOf = (scorecards: object, customChecks: ScorecardCheck[] = []) =>
  readScorecardSettings(
    new ConfigReader({ platformProduct: { scorecards } }),
    customChecks,
  );

const customCheck = (extra: Partial<ScorecardCheck> = {}): ScorecardCheck => ({
  id: 'on-call-rota',
  title: 'On-call rota',
  advice: 'Set up a rota',
  evaluate: products => products.map(() => ({ status: 'pass' })),
  ...extra,
});

describe('readScorecardSettings', () => {
  it('has defaults for every level, weight and threshold', () => {
    const settings = settingsOf({});
    expect(settings.order).toEqual([
      'product-manager',
      'vision',
      'lifecycle',
      'support-channel',
      'documentation',
      'office-hours',
      'recent-announcement',
      'feedback-responses',
      'no-stale-posts',
      'roadmap-updated',
      'nps',
      'first-reply',
      'adopting-teams',
    ]);
    expect(settings.levels.get('vision')).toBe('bronze');
    expect(settings.levels.get('nps')).toBe('gold');
    expect([...settings.weights.values()]).toEqual(
      BUILT_IN_SCORECARD_CHECKS.map(() => 1),
    );
    expect(settings.thresholds).toEqual({
      vision: { minimumWords: 12 },
      'roadmap-updated': { days: 90 },
      'recent-announcement': { days: 60 },
      'feedback-responses': { minimum: 10, days: 90 },
      nps: { target: 30, minimumResponses: 10, months: 3 },
      'first-reply': { hours: 24, months: 3 },
      'no-stale-posts': { days: 14 },
      'adopting-teams': { minimum: 3 },
    });
  });

  it('takes configured levels as the complete assignment, in their order', () => {
    const settings = settingsOf({
      levels: {
        bronze: ['vision', 'product-manager'],
        gold: ['nps'],
      },
    });
    expect(settings.order.slice(0, 4)).toEqual([
      'vision',
      'product-manager',
      'nps',
      'lifecycle',
    ]);
    expect(settings.levels.get('nps')).toBe('gold');
    expect(settings.levels.get('lifecycle')).toBeNull();
    expect(settings.levels.get('documentation')).toBeNull();
  });

  it('places a custom check by its own level without configured levels, else by the configuration', () => {
    const rota = customCheck({ level: 'silver', weight: 2 });
    const settings = settingsOf({}, [rota, customCheck({ id: 'slo' })]);
    expect(settings.levels.get('on-call-rota')).toBe('silver');
    expect(settings.order.indexOf('on-call-rota')).toBe(
      settings.order.indexOf('no-stale-posts') + 1,
    );
    expect(settings.order[settings.order.length - 1]).toBe('slo');
    expect(settings.levels.get('slo')).toBeNull();
    expect(settings.weights.get('on-call-rota')).toBe(2);

    const configured = settingsOf(
      { levels: { gold: ['slo'] }, weights: { 'on-call-rota': 5 } },
      [rota, customCheck({ id: 'slo' })],
    );
    expect(configured.levels.get('on-call-rota')).toBeNull();
    expect(configured.levels.get('slo')).toBe('gold');
    expect(configured.weights.get('on-call-rota')).toBe(5);
  });

  it('takes thresholds and weights, numeric strings too (environment substitution)', () => {
    const settings = settingsOf({
      weights: { nps: 3, vision: '0.5' },
      checks: {
        nps: { target: -10, months: '6' },
        'first-reply': { hours: 4.5 },
      },
    });
    expect(settings.weights.get('nps')).toBe(3);
    expect(settings.weights.get('vision')).toBe(0.5);
    expect(settings.thresholds.nps).toEqual({
      target: -10,
      minimumResponses: 10,
      months: 6,
    });
    expect(settings.thresholds['first-reply']).toEqual({
      hours: 4.5,
      months: 3,
    });
  });

  it.each([
    [
      { levels: { silver: ['vision', 'nps', 'foo'] } },
      "platformProduct.scorecards.levels.silver[2]: unknown check 'foo'; the checks are product-manager, vision,",
    ],
    [
      { levels: { silver: ['nps'], gold: ['vision', 'nps'] } },
      "platformProduct.scorecards.levels.gold[1]: check 'nps' is already listed at platformProduct.scorecards.levels.silver[0]; a check belongs to one level",
    ],
    [
      { levels: { platinum: ['nps'] } },
      "platformProduct.scorecards.levels.platinum: unknown level 'platinum'; the levels are bronze, silver, gold",
    ],
    [
      { levels: { gold: 'nps' } },
      'platformProduct.scorecards.levels.gold: must be a list of check ids',
    ],
    [
      { weights: { nps: -1 } },
      'platformProduct.scorecards.weights.nps: must be a number of 0 or more, got -1',
    ],
    [
      { weights: { nps: 'high' } },
      'platformProduct.scorecards.weights.nps: must be a number of 0 or more, got "high"',
    ],
    [
      { weights: { npss: 1 } },
      "platformProduct.scorecards.weights.npss: unknown check 'npss'",
    ],
    [
      { checks: { 'roadmap-updated': { days: -5 } } },
      'platformProduct.scorecards.checks.roadmap-updated.days: must be a whole number of 1 or more, got -5',
    ],
    [
      { checks: { 'adopting-teams': { minimum: 'three' } } },
      'platformProduct.scorecards.checks.adopting-teams.minimum: must be a whole number of 0 or more, got "three"',
    ],
    [
      { checks: { nps: { target: 120 } } },
      'platformProduct.scorecards.checks.nps.target: must be a number from -100 to 100, got 120',
    ],
    [
      { checks: { nps: { treshold: 20 } } },
      "platformProduct.scorecards.checks.nps.treshold: unknown setting 'treshold'; check 'nps' takes target, minimumResponses, months",
    ],
    [
      { checks: { lifecycle: { days: 3 } } },
      "platformProduct.scorecards.checks.lifecycle: no settings for check 'lifecycle'",
    ],
  ])('refuses %j, naming the key', (scorecards, message) => {
    expect(() => settingsOf(scorecards)).toThrow(message);
  });

  it.each([
    [
      customCheck({ id: 'On Call' }),
      "Scorecard check 'On Call' (added by a backend module): the id must be lower-case words joined by dashes",
    ],
    [
      customCheck({ id: 'nps' }),
      "Scorecard check 'nps' (added by a backend module): the id is already taken by a built-in check",
    ],
    [
      customCheck({ weight: -2 }),
      "Scorecard check 'on-call-rota' (added by a backend module): weight must be a number of 0 or more, got '-2'",
    ],
    [
      customCheck({ level: 'platinum' as 'gold' }),
      "Scorecard check 'on-call-rota' (added by a backend module): level must be one of bronze, silver, gold, got 'platinum'",
    ],
    [
      customCheck({ title: ' ' }),
      "Scorecard check 'on-call-rota' (added by a backend module): a title is required",
    ],
  ])('refuses a malformed custom check (%#)', (check, message) => {
    expect(() => settingsOf({}, [check])).toThrow(message);
  });

  it('refuses two custom checks with one id', () => {
    expect(() => settingsOf({}, [customCheck(), customCheck()])).toThrow(
      "Scorecard check 'on-call-rota' (added by a backend module): the id is already taken by another custom check",
    );
  });

  it('knows the custom checks in levels and weights', () => {
    expect(() =>
      settingsOf({ levels: { gold: ['on-call-rota'] } }, []),
    ).toThrow("levels.gold[0]: unknown check 'on-call-rota'");
    expect(
      settingsOf({ levels: { gold: ['on-call-rota'] } }, [
        customCheck(),
      ]).levels.get('on-call-rota'),
    ).toBe('gold');
  });
});
