import { describe, expect, it } from 'vitest';
import type { TrainingInput } from '../model/trainings.js';
import { sampleSessionInput } from './session-for-test.js';
import { AppError } from '../errors.js';
import { checkAttendanceTime, checkAttendees, checkChange, checkLinks, checkNew, type SessionState } from './session-rules.js';

const now = new Date('2026-05-04T10:00:00Z');
const current: SessionState = {
  status: 'scheduled',
  startsAt: new Date('2026-05-10T09:00:00Z'),
  endsAt: new Date('2026-05-10T10:00:00Z'),
  capacity: 10,
  meetingUrl: 'https://teams.example/meet/1',
  room: null,
};
const input: TrainingInput = sampleSessionInput();

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, key: err.reason.key, fields: err.fields };
    throw err;
  }
  return undefined;
};

describe('session rules', () => {
  it('plans new sessions in the future only', () => {
    expect(failure(() => checkNew(input, now))).toBeUndefined();
    expect(failure(() => checkNew({ ...input, startsAt: now.toISOString() }, now))?.fields).toEqual({ startsAt: 'must be in the future' });
  });

  it('takes https links only, and stores them normalised', () => {
    expect(failure(() => checkLinks({ ...input, meetingUrl: 'http://teams.example/x' }, { allowHttpLocalhost: false }))?.code).toBe('invalid');
    expect(checkLinks({ ...input, materialsUrl: 'HTTPS://Example.COM/slides' }, { allowHttpLocalhost: false }).materialsUrl).toBe('https://example.com/slides');
  });

  it('says whether a change moves the session or only its place', () => {
    expect(checkChange(current, 3, { ...input, title: 'New title' }, now)).toEqual({ moved: false, newsworthy: false });
    expect(checkChange(current, 3, { ...input, room: 'Berlin 4.12' }, now)).toEqual({ moved: false, newsworthy: true });
    expect(checkChange(current, 3, { ...input, endsAt: '2026-05-10T11:00:00.000Z' }, now)).toEqual({ moved: true, newsworthy: true });
  });

  it('refuses a capacity below the people registered, and a move into the past', () => {
    expect(failure(() => checkChange(current, 4, { ...input, capacity: 3 }, now))?.fields).toEqual({
      capacity: 'must be at least 4: that many people are registered',
    });
    expect(failure(() => checkChange(current, 4, { ...input, capacity: 4 }, now))).toBeUndefined();
    const past = { ...input, startsAt: '2026-05-01T09:00:00.000Z', endsAt: '2026-05-01T10:00:00.000Z' };
    expect(failure(() => checkChange(current, 0, past, now))?.fields).toEqual({ startsAt: 'must be in the future' });
    // a session that has begun may still get its materials link, as long as it does not move
    const begun = { ...current, startsAt: new Date('2026-05-01T09:00:00Z'), endsAt: new Date('2026-05-01T10:00:00Z') };
    expect(failure(() => checkChange(begun, 0, { ...past, materialsUrl: 'https://example.com/slides' }, now))).toBeUndefined();
  });

  it('leaves cancelled sessions as they are', () => {
    expect(failure(() => checkChange({ ...current, status: 'cancelled' }, 0, input, now))?.key).toBe('training.cancelled');
    expect(failure(() => checkChange(undefined, 0, input, now))?.code).toBe('not_found');
  });

  it('records attendance once the session began, for registered people only', () => {
    expect(failure(() => checkAttendanceTime(current, now))?.key).toBe('training.attendanceEarly');
    expect(failure(() => checkAttendanceTime({ ...current, status: 'cancelled' }, now))?.key).toBe('training.cancelled');
    expect(failure(() => checkAttendanceTime({ ...current, startsAt: now }, now))).toBeUndefined();
    const attendance = { attendance: [{ personId: 'a', attended: true }, { personId: 'b', attended: false }, { personId: 'c', attended: true }] };
    expect(failure(() => checkAttendees(attendance, new Set(['a', 'b', 'c'])))).toBeUndefined();
    expect(failure(() => checkAttendees(attendance, new Set(['a'])))?.code).toBe('invalid');
  });
});
