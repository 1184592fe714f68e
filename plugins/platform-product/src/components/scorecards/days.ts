/** "Mar 4" for a YYYY-MM-DD day (UTC, as the snapshots are kept). */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** Whole days from `iso` to `now`, never below zero. */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

/** "today", "1 day", "12 days". */
export function ageLabel(iso: string, now = Date.now()): string {
  const days = daysSince(iso, now);
  if (days === 0) return 'today';
  return days === 1 ? '1 day' : `${days} days`;
}

/** What a score trend says in words, for screen readers: "from 58 on Jan 3 to 72 on Apr 2". */
export function trendSummary(points: Array<{ day: string; score: number }>) {
  if (points.length === 0) return 'no history yet';
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) return `${last.score} on ${shortDay(last.day)}`;
  return `from ${first.score} on ${shortDay(first.day)} to ${
    last.score
  } on ${shortDay(last.day)}`;
}
