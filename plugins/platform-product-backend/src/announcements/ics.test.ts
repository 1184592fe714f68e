import { escapeIcsText, foldLine, icsTime, toIcs } from './ics';

describe('toIcs', () => {
  const start = Date.parse('2026-12-01T09:00:00Z');

  it('writes one VEVENT with CRLF lines, UTC times and a UID', () => {
    const ics = toIcs({
      uid: 'abc@platform-product',
      stamp: Date.parse('2026-11-25T12:00:30.123Z'),
      start,
      end: start + 3_600_000,
      summary: 'Office hours; bring questions, please',
      description: 'Line 1\nLine 2 \\ done',
      location: 'Room 1, floor 2',
      url: 'https://backstage.example.com/platform-news/abc',
    });
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Platform Product//Announcements//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:abc@platform-product',
        'DTSTAMP:20261125T120030Z',
        'DTSTART:20261201T090000Z',
        'DTEND:20261201T100000Z',
        'SUMMARY:Office hours\\; bring questions\\, please',
        'DESCRIPTION:Line 1\\nLine 2 \\\\ done',
        'LOCATION:Room 1\\, floor 2',
        'URL:https://backstage.example.com/platform-news/abc',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('leaves out what is not given', () => {
    const ics = toIcs({
      uid: 'u',
      stamp: start,
      start,
      end: start + 1,
      summary: 'S',
    });
    expect(ics).not.toContain('LOCATION');
    expect(ics).not.toContain('DESCRIPTION');
    expect(ics).not.toContain('URL');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(parts.slice(1).every(part => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(
      line,
    );
    expect(foldLine('short')).toBe('short');
  });

  it('formats and escapes', () => {
    expect(icsTime(Date.parse('2026-01-02T03:04:05.678Z'))).toBe(
      '20260102T030405Z',
    );
    expect(escapeIcsText('a\r\nb\rc')).toBe('a\\nb\\nc');
  });
});
