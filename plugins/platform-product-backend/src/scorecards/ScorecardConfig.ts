import { Config } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import {
  BUILT_IN_SCORECARD_CHECKS,
  BuiltInScorecardCheckId,
  SCORECARD_CHECK_ID_PATTERN,
  SCORECARD_LEVELS,
  ScorecardLevel,
} from '@platform-product/plugin-platform-product-common';
import { ScorecardCheck } from '@platform-product/plugin-platform-product-node';

const ROOT = 'platformProduct.scorecards';

/** The levels of the built-in checks when `platformProduct.scorecards.levels` is not set. */
export const DEFAULT_LEVELS: Record<ScorecardLevel, BuiltInScorecardCheckId[]> =
  {
    bronze: ['product-manager', 'vision', 'lifecycle', 'support-channel'],
    silver: [
      'documentation',
      'office-hours',
      'recent-announcement',
      'feedback-responses',
      'no-stale-posts',
    ],
    gold: ['roadmap-updated', 'nps', 'first-reply', 'adopting-teams'],
  };

type Setting = { default: number; min: number; max?: number; whole: boolean };

const days = (fallback: number): Setting => ({
  default: fallback,
  min: 1,
  whole: true,
});
const count = (fallback: number): Setting => ({
  default: fallback,
  min: 0,
  whole: true,
});

/**
 * The settings of the built-in checks under `platformProduct.scorecards.checks.<id>.<key>`,
 * with their defaults (config.d.ts documents the same).
 */
export const CHECK_SETTINGS = {
  vision: { minimumWords: { default: 12, min: 1, whole: true } },
  'roadmap-updated': { days: days(90) },
  'recent-announcement': { days: days(60) },
  'feedback-responses': { minimum: count(10), days: days(90) },
  nps: {
    target: { default: 30, min: -100, max: 100, whole: false },
    minimumResponses: { default: 10, min: 1, whole: true },
    months: days(3),
  },
  'first-reply': {
    hours: { default: 24, min: 0, whole: false },
    months: days(3),
  },
  'no-stale-posts': { days: { default: 14, min: 0, whole: false } },
  'adopting-teams': { minimum: count(3) },
} satisfies Partial<Record<BuiltInScorecardCheckId, Record<string, Setting>>>;

type Settings = typeof CHECK_SETTINGS;

/** The thresholds of the built-in checks, as configured or by default. */
export type CheckThresholds = {
  [Id in keyof Settings]: { [Key in keyof Settings[Id]]: number };
};

/** What the configuration says about scoring, validated. */
export interface ScorecardSettings {
  thresholds: CheckThresholds;
  /** Every check id (built-in and custom) in answer order: bronze, silver, gold, level-less. */
  order: string[];
  /** The level of each check; null when it only counts towards the score. */
  levels: Map<string, ScorecardLevel | null>;
  /** The weight of each check in the score. */
  weights: Map<string, number>;
}

/**
 * Reads and validates `platformProduct.scorecards.{levels,weights,checks}` and the custom
 * checks; throws at start with a message naming the config key (or the custom check).
 */
export function readScorecardSettings(
  config: Config,
  customChecks: ScorecardCheck[],
): ScorecardSettings {
  validateCustomChecks(customChecks);
  const ids = [
    ...BUILT_IN_SCORECARD_CHECKS,
    ...customChecks.map(check => check.id),
  ];
  const assigned = readLevels(config, ids) ?? defaultLevels(customChecks);
  const levels = new Map<string, ScorecardLevel | null>(
    ids.map(id => [id, null]),
  );
  for (const level of SCORECARD_LEVELS) {
    for (const id of assigned[level]) levels.set(id, level);
  }
  const leveled = SCORECARD_LEVELS.flatMap(level => assigned[level]);
  return {
    thresholds: readThresholds(config),
    order: [...leveled, ...ids.filter(id => !leveled.includes(id))],
    levels,
    weights: readWeights(config, ids, customChecks),
  };
}

function validateCustomChecks(checks: ScorecardCheck[]) {
  const seen = new Set<string>(BUILT_IN_SCORECARD_CHECKS);
  for (const check of checks) {
    const name = `Scorecard check '${check.id}' (added by a backend module)`;
    if (
      typeof check.id !== 'string' ||
      !SCORECARD_CHECK_ID_PATTERN.test(check.id)
    ) {
      throw new Error(
        `${name}: the id must be lower-case words joined by dashes, like 'on-call-rota'`,
      );
    }
    if (seen.has(check.id)) {
      throw new Error(
        `${name}: the id is already taken by ${
          (BUILT_IN_SCORECARD_CHECKS as readonly string[]).includes(check.id)
            ? 'a built-in check'
            : 'another custom check'
        }; the ids must be unique`,
      );
    }
    seen.add(check.id);
    if (typeof check.title !== 'string' || !check.title.trim()) {
      throw new Error(`${name}: a title is required`);
    }
    if (typeof check.evaluate !== 'function') {
      throw new Error(`${name}: evaluate must be a function`);
    }
    if (check.level !== undefined && !SCORECARD_LEVELS.includes(check.level)) {
      throw new Error(
        `${name}: level must be one of ${SCORECARD_LEVELS.join(
          ', ',
        )}, got '${String(check.level)}'`,
      );
    }
    if (
      check.weight !== undefined &&
      !(typeof check.weight === 'number' && check.weight >= 0)
    ) {
      throw new Error(
        `${name}: weight must be a number of 0 or more, got '${String(
          check.weight,
        )}'`,
      );
    }
  }
}

function defaultLevels(
  customChecks: ScorecardCheck[],
): Record<ScorecardLevel, string[]> {
  const of = (level: ScorecardLevel) => [
    ...DEFAULT_LEVELS[level],
    ...customChecks
      .filter(check => check.level === level)
      .map(check => check.id),
  ];
  return { bronze: of('bronze'), silver: of('silver'), gold: of('gold') };
}

/** The configured assignment (complete when set: a check not listed has no level). */
function readLevels(
  config: Config,
  ids: string[],
): Record<ScorecardLevel, string[]> | undefined {
  const key = `${ROOT}.levels`;
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  const levels = objectAt(key, value);
  const assigned: Record<ScorecardLevel, string[]> = {
    bronze: [],
    silver: [],
    gold: [],
  };
  const placed = new Map<string, string>();
  for (const [level, list] of Object.entries(levels)) {
    const levelKey = `${key}.${level}`;
    if (!(SCORECARD_LEVELS as readonly string[]).includes(level)) {
      throw new Error(
        `${levelKey}: unknown level '${level}'; the levels are ${SCORECARD_LEVELS.join(
          ', ',
        )}`,
      );
    }
    if (!Array.isArray(list)) {
      throw new Error(`${levelKey}: must be a list of check ids`);
    }
    list.forEach((id, index) => {
      const at = `${levelKey}[${index}]`;
      if (typeof id !== 'string' || !ids.includes(id)) {
        throw new Error(
          `${at}: unknown check '${String(id)}'; the checks are ${ids.join(
            ', ',
          )}`,
        );
      }
      const before = placed.get(id);
      if (before) {
        throw new Error(
          `${at}: check '${id}' is already listed at ${before}; a check belongs to one level`,
        );
      }
      placed.set(id, at);
      assigned[level as ScorecardLevel].push(id);
    });
  }
  return assigned;
}

function readWeights(
  config: Config,
  ids: string[],
  customChecks: ScorecardCheck[],
): Map<string, number> {
  const weights = new Map<string, number>(ids.map(id => [id, 1]));
  for (const check of customChecks) {
    if (check.weight !== undefined) weights.set(check.id, check.weight);
  }
  const key = `${ROOT}.weights`;
  const value = config.getOptional(key);
  if (value === undefined) return weights;
  for (const [id, weight] of Object.entries(objectAt(key, value))) {
    if (!ids.includes(id)) {
      throw new Error(
        `${key}.${id}: unknown check '${id}'; the checks are ${ids.join(', ')}`,
      );
    }
    weights.set(
      id,
      numberAt(`${key}.${id}`, weight, { default: 1, min: 0, whole: false }),
    );
  }
  return weights;
}

function readThresholds(config: Config): CheckThresholds {
  const key = `${ROOT}.checks`;
  const value = config.getOptional(key);
  const configured = value === undefined ? {} : objectAt(key, value);
  const configurable = Object.keys(CHECK_SETTINGS);
  for (const id of Object.keys(configured)) {
    if (!configurable.includes(id)) {
      throw new Error(
        `${key}.${id}: no settings for check '${id}'; the checks with settings are ${configurable.join(
          ', ',
        )}`,
      );
    }
  }
  const thresholds: Record<string, Record<string, number>> = {};
  for (const [id, settings] of Object.entries(CHECK_SETTINGS)) {
    const checkKey = `${key}.${id}`;
    const given =
      configured[id] === undefined ? {} : objectAt(checkKey, configured[id]);
    const names = Object.keys(settings);
    for (const name of Object.keys(given)) {
      if (!names.includes(name)) {
        throw new Error(
          `${checkKey}.${name}: unknown setting '${name}'; check '${id}' takes ${names.join(
            ', ',
          )}`,
        );
      }
    }
    thresholds[id] = Object.fromEntries(
      Object.entries(settings as Record<string, Setting>).map(
        ([name, setting]) => [
          name,
          numberAt(`${checkKey}.${name}`, given[name], setting),
        ],
      ),
    );
  }
  return thresholds as CheckThresholds;
}

function objectAt(
  key: string,
  value: JsonValue,
): Record<string, JsonValue | undefined> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${key}: must be an object`);
  }
  return value;
}

/** A number from the config (numbers and numeric strings, as environment substitution gives). */
function numberAt(
  key: string,
  value: JsonValue | undefined,
  setting: Setting,
): number {
  if (value === undefined) return setting.default;
  let number = NaN;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && value.trim()) number = Number(value);
  const range =
    setting.max === undefined
      ? `of ${setting.min} or more`
      : `from ${setting.min} to ${setting.max}`;
  const kind = setting.whole ? 'a whole number' : 'a number';
  if (
    !Number.isFinite(number) ||
    number < setting.min ||
    (setting.max !== undefined && number > setting.max) ||
    (setting.whole && !Number.isInteger(number))
  ) {
    throw new Error(
      `${key}: must be ${kind} ${range}, got ${JSON.stringify(value)}`,
    );
  }
  return number;
}
