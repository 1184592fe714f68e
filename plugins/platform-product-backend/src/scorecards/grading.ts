import {
  SCORECARD_LEVELS,
  ScorecardCheckResult,
  ScorecardLevel,
} from '@platform-product/plugin-platform-product-common';

/**
 * The score and level that check results give.
 *
 * Score: the weighted share of the passing checks among the applicable ones, 0-100, rounded to
 * a whole number; 0 when no check applies (or every applicable one weighs 0): nothing shown,
 * nothing earned.
 * Level: the highest level whose checks, and those of every level below, all pass or do not
 * apply. A level with no checks at all (a configuration that leaves gold out) is never
 * reached, nor any above it.
 */
export function grade(
  checks: Array<Pick<ScorecardCheckResult, 'level' | 'status' | 'weight'>>,
): { score: number; level: ScorecardLevel | null } {
  let applicable = 0;
  let passing = 0;
  for (const check of checks) {
    if (check.status === 'not-applicable') continue;
    applicable += check.weight;
    if (check.status === 'pass') passing += check.weight;
  }
  const score = applicable > 0 ? Math.round((passing / applicable) * 100) : 0;

  let level: ScorecardLevel | null = null;
  for (const candidate of SCORECARD_LEVELS) {
    const ofLevel = checks.filter(check => check.level === candidate);
    if (!ofLevel.length || ofLevel.some(check => check.status === 'fail')) {
      break;
    }
    level = candidate;
  }
  return { score, level };
}
