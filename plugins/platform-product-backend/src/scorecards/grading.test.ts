import { ScorecardCheckResult } from '@platform-product/plugin-platform-product-common';
import { grade } from './grading';

type Check = Pick<ScorecardCheckResult, 'level' | 'status' | 'weight'>;
const check = (
  level: Check['level'],
  status: Check['status'],
  weight = 1,
): Check => ({ level, status, weight });

describe('grade', () => {
  it('reaches a level when its checks and those below all pass', () => {
    expect(
      grade([
        check('bronze', 'pass'),
        check('silver', 'pass'),
        check('gold', 'fail'),
      ]).level,
    ).toBe('silver');
    expect(
      grade([
        check('bronze', 'pass'),
        check('silver', 'pass'),
        check('gold', 'pass'),
      ]).level,
    ).toBe('gold');
  });

  it('reaches no level above a failing one, even when the higher checks pass', () => {
    expect(
      grade([
        check('bronze', 'fail'),
        check('silver', 'pass'),
        check('gold', 'pass'),
      ]).level,
    ).toBeNull();
    expect(
      grade([
        check('bronze', 'pass'),
        check('silver', 'fail'),
        check('gold', 'pass'),
      ]).level,
    ).toBe('bronze');
  });

  it('lets a check that does not apply block nothing', () => {
    expect(
      grade([
        check('bronze', 'pass'),
        check('silver', 'not-applicable'),
        check('silver', 'pass'),
        check('gold', 'not-applicable'),
        check('gold', 'pass'),
      ]).level,
    ).toBe('gold');
  });

  it('never reaches a level that has no checks, nor those above it', () => {
    expect(grade([check('bronze', 'pass'), check('gold', 'pass')]).level).toBe(
      'bronze',
    );
  });

  it('lets level-less checks count towards the score only', () => {
    expect(grade([check('bronze', 'pass'), check(null, 'fail')])).toEqual({
      level: 'bronze',
      score: 50,
    });
  });

  it('scores the weighted share of the passing checks among the applicable ones', () => {
    expect(
      grade([
        check('bronze', 'pass', 3),
        check('silver', 'fail', 1),
        check('gold', 'not-applicable', 10),
      ]).score,
    ).toBe(75);
    expect(
      grade([check('bronze', 'pass', 1), check('bronze', 'fail', 2)]).score,
    ).toBe(33);
    // weight 0: counted in neither share
    expect(
      grade([check('bronze', 'pass', 1), check('bronze', 'fail', 0)]).score,
    ).toBe(100);
  });

  it('scores 0 when no check applies', () => {
    expect(
      grade([check('bronze', 'not-applicable'), check(null, 'not-applicable')]),
    ).toEqual({ score: 0, level: 'bronze' });
    expect(grade([])).toEqual({ score: 0, level: null });
  });
});
