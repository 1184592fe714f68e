import { check, scorecard } from '../../__testUtils__/scorecardFixtures';
import {
  failingLabel,
  formatValue,
  groupChecks,
  nextStep,
  passCountLabel,
} from './labels';
import { portfolioSummary } from './portfolioSummary';
import { portfolioItems } from '../../__testUtils__/scorecardFixtures';

describe('scorecard labels', () => {
  it('formats values of every kind', () => {
    expect(formatValue(null)).toBe('none');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(false)).toBe('no');
    expect(formatValue(1200)).toBe('1,200');
    expect(formatValue('#deploy-help')).toBe('#deploy-help');
  });

  it('groups checks Bronze to Gold, then those of no level, leaving out empty levels', () => {
    const groups = groupChecks([
      check({ id: 'a', level: null }),
      check({ id: 'b', level: 'gold' }),
      check({ id: 'c', level: 'bronze' }),
    ]);
    expect(groups.map(g => [g.title, g.checks.map(c => c.id)])).toEqual([
      ['Bronze', ['c']],
      ['Gold', ['b']],
      ['Counts towards the score', ['a']],
    ]);
  });

  it('counts passing checks among the applicable ones', () => {
    expect(
      passCountLabel([
        check({ status: 'pass' }),
        check({ status: 'fail' }),
        check({ status: 'not-applicable' }),
      ]),
    ).toBe('1 of 2 pass · 1 not applicable');
    expect(failingLabel(scorecard().checks)).toBe('2 checks fail');
    expect(failingLabel([check()])).toBe('Every check passes');
  });

  it("names the next level and the failing checks of it and below, never the score's", () => {
    const checks = [
      check({ id: 'pm', level: 'bronze', status: 'fail' }),
      check({ id: 'nps', level: 'silver', status: 'fail' }),
      check({ id: 'teams', level: 'gold', status: 'fail' }),
      check({ id: 'rota', level: null, status: 'fail' }),
    ];
    const none = nextStep(null, checks);
    expect(none.level).toBe('bronze');
    expect(none.blocking.map(c => c.id)).toEqual(['pm']);
    const bronze = nextStep('bronze', checks);
    expect(bronze.level).toBe('silver');
    expect(bronze.blocking.map(c => c.id)).toEqual(['pm', 'nps']);
    expect(nextStep('gold', checks)).toEqual({ blocking: [] });
  });

  it('sums the portfolio up in one line', () => {
    expect(portfolioSummary(portfolioItems)).toBe(
      '4 products: 1 gold, 1 silver, 1 bronze, 1 without a level · average score 55',
    );
    expect(portfolioSummary([])).toBe('0 products');
  });
});
