import { fromLocalInput, relativeTime, toLocalInput } from './dates';

describe('relativeTime', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
  it.each([
    [10, 'just now'],
    [5 * 60, 'in 5 minutes'],
    [-3 * 3600, '3 hours ago'],
    [3 * 24 * 3600, 'in 3 days'],
    [-24 * 3600, '24 hours ago'],
    [-2 * 24 * 3600, '2 days ago'],
    [10 * 24 * 3600, 'in 10 days'],
    [30 * 24 * 3600, 'in 4 weeks'],
    [90 * 24 * 3600, 'in 3 months'],
    [-400 * 24 * 3600, 'last year'],
  ])('%d seconds reads "%s"', (seconds, text) => {
    expect(relativeTime(at(seconds), now)).toBe(text);
  });
});

describe('datetime-local values', () => {
  it('round-trips through local time, and empty is null', () => {
    const iso = '2030-05-01T08:00:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});
