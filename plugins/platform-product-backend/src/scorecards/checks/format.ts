const DAY = 24 * 3_600_000;

/** `1 team`, `3 teams`. */
export const plural = (count: number, unit: string, units = `${unit}s`) =>
  `${count} ${count === 1 ? unit : units}`;

/** Whole days from `time` to `now`, never below 0. */
export const daysBetween = (time: number, now: number) =>
  Math.max(0, Math.floor((now - time) / DAY));

/** `today`, `1 day ago`, `12 days ago`. */
export const daysAgo = (time: number, now: number) => {
  const days = daysBetween(time, now);
  return days === 0 ? 'today' : `${plural(days, 'day')} ago`;
};

export const daysInMs = (days: number) => days * DAY;
