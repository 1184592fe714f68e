/** An epoch-milliseconds time as ISO 8601; null stays null. */
export function iso(time: number): string;
export function iso(time: number | null): string | null;
export function iso(time: number | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

/** The calendar day (UTC) of a time, as YYYY-MM-DD. */
export const utcDay = (time: Date | number) =>
  new Date(time).toISOString().slice(0, 10);

/** The service clock: the injected one (tests), else the system's. */
export const clockOf =
  (now?: () => number): (() => number) =>
  () =>
    now?.() ?? Date.now();
