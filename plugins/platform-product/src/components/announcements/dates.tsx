import Tooltip from '@material-ui/core/Tooltip';
import { AnnouncementEvent } from '@platform-product/plugin-platform-product-common';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each unit is used up to the next one's threshold: "in 10 days" reads better than "in 1 week". */
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['year', 365 * DAY, 365 * DAY],
  ['month', 30 * DAY, 60 * DAY],
  ['week', 7 * DAY, 14 * DAY],
  ['day', DAY, 36 * HOUR],
  ['hour', HOUR, HOUR],
  ['minute', MINUTE, MINUTE],
];

/** "in 3 days", "2 hours ago", "just now". */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  for (const [unit, size, from] of UNITS) {
    if (Math.abs(seconds) >= from) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

/** "Dec 4, 2026, 3:00 PM" in the reader's time zone. */
export function absoluteTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

export function dateOnly(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** A date as people say it ("in 3 days"), the exact time on hover. */
export const RelativeTime = (props: { iso: string; className?: string }) => (
  <Tooltip title={absoluteTime(props.iso)}>
    <time dateTime={props.iso} className={props.className}>
      {relativeTime(props.iso)}
    </time>
  </Tooltip>
);

/** "Thu, Dec 4, 3:00 PM – 4:00 PM CET", the end date repeated only when it differs. */
export function eventWhen(event: AnnouncementEvent): string {
  const start = new Date(event.start);
  const end = new Date(event.end);
  const day = (d: Date) =>
    d.toLocaleDateString('en-US', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
  const time = (d: Date, zone = false) =>
    d.toLocaleTimeString('en-US', {
      hour: 'numeric',
      minute: '2-digit',
      ...(zone && { timeZoneName: 'short' }),
    });
  return day(start) === day(end)
    ? `${day(start)}, ${time(start)} – ${time(end, true)}`
    : `${day(start)}, ${time(start)} – ${day(end)}, ${time(end, true)}`;
}

/** Whether an event is on now, to come, or over. */
export function eventPhase(
  event: AnnouncementEvent,
  now = Date.now(),
): 'upcoming' | 'live' | 'past' {
  if (Date.parse(event.end) <= now) return 'past';
  return Date.parse(event.start) <= now ? 'live' : 'upcoming';
}

/** An ISO date-time as the value of an `<input type="datetime-local">` (local time). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;
}

/** The value of an `<input type="datetime-local">` as an ISO date-time, or null when empty. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
