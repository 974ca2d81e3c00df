import { describe, expect, it } from 'vitest';
import { escapeText, fold, icsCalendar, type IcsEvent } from './ics.js';

const event: IcsEvent = {
  uid: 'c0ffee00-0000-4000-8000-000000000001@chorus.example',
  sequence: 2,
  start: new Date('2026-12-03T09:00:00Z'),
  end: new Date('2026-12-03T10:30:00Z'),
  stamp: new Date('2026-11-22T08:15:30.123Z'),
  title: 'LinkedIn-Profil, Schritt für Schritt',
  description: 'Bring your laptop; we fix headline, photo, about.\nQuestions? Ask Petra.',
  location: 'https://teams.microsoft.com/l/meetup-join/abc',
  url: 'https://teams.microsoft.com/l/meetup-join/abc',
  cancelled: false,
};

describe('calendar file', () => {
  it('is one event with UTC times, a stable UID and its revision, in CRLF lines', () => {
    const ics = icsCalendar(event);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('\r\nDTSTART:20261203T090000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20261203T103000Z\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20261122T081530Z\r\n');
    expect(ics).toContain(`\r\nUID:${event.uid}\r\n`);
    expect(ics).toContain('\r\nSEQUENCE:2\r\n');
    expect(ics).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const ics = icsCalendar({ ...event, description: 'ü'.repeat(100) });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DESCRIPTION:${'ü'.repeat(100)}`);
    expect(fold('short')).toBe('short');
  });

  it('says cancelled when the session is, so calendars strike it', () => {
    expect(icsCalendar({ ...event, cancelled: true, sequence: 3 })).toContain('\r\nSTATUS:CANCELLED\r\n');
  });
});
