import {
  SCORECARD_LEVELS,
  ScorecardCheckResult,
  ScorecardCheckStatus,
  ScorecardLevel,
  ScorecardValue,
} from '@platform-product/plugin-platform-product-common';

export const LEVEL_LABELS: Record<ScorecardLevel, string> = {
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

export const STATUS_LABELS: Record<ScorecardCheckStatus, string> = {
  pass: 'Passes',
  fail: 'Fails',
  'not-applicable': 'Not applicable',
};

/** A measured value or threshold as shown: "yes", "3", "#deploy-help"; "none" for null. */
export function formatValue(value: ScorecardValue): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return value;
}

/** One section of the checks: a level's, or (level null) those that only count towards the score. */
export type CheckGroup = {
  level: ScorecardLevel | null;
  title: string;
  checks: ScorecardCheckResult[];
};

/** The checks by level, Bronze to Gold, then those of no level; empty groups left out. */
export function groupChecks(checks: ScorecardCheckResult[]): CheckGroup[] {
  const groups: CheckGroup[] = [
    ...SCORECARD_LEVELS.map(level => ({
      level,
      title: LEVEL_LABELS[level],
      checks: checks.filter(c => c.level === level),
    })),
    {
      level: null,
      title: 'Counts towards the score',
      checks: checks.filter(c => c.level === null),
    },
  ];
  return groups.filter(group => group.checks.length > 0);
}

/** "2 of 3 pass", with how many do not apply. */
export function passCountLabel(checks: ScorecardCheckResult[]): string {
  const applicable = checks.filter(c => c.status !== 'not-applicable');
  const passing = applicable.filter(c => c.status === 'pass').length;
  const notApplicable = checks.length - applicable.length;
  return `${passing} of ${applicable.length} pass${
    notApplicable ? ` · ${notApplicable} not applicable` : ''
  }`;
}

/**
 * The level above the product's and the failing checks that keep it from it (those of
 * that level and below); no level when the product is at the top.
 */
export function nextStep(
  level: ScorecardLevel | null,
  checks: ScorecardCheckResult[],
): { level?: ScorecardLevel; blocking: ScorecardCheckResult[] } {
  const next =
    SCORECARD_LEVELS[level ? SCORECARD_LEVELS.indexOf(level) + 1 : 0];
  if (!next) return { blocking: [] };
  const upTo = SCORECARD_LEVELS.slice(0, SCORECARD_LEVELS.indexOf(next) + 1);
  return {
    level: next,
    blocking: checks.filter(
      c => c.status === 'fail' && c.level !== null && upTo.includes(c.level),
    ),
  };
}

/** "1 check fails", "3 checks fail", "Every check passes". */
export function failingLabel(checks: ScorecardCheckResult[]): string {
  const failing = checks.filter(c => c.status === 'fail').length;
  if (failing === 0) return 'Every check passes';
  return failing === 1 ? '1 check fails' : `${failing} checks fail`;
}
