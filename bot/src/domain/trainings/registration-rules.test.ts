import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { alreadyIn, checkOpen, isOpen, seatOrWaitlist, whomToPromote } from './registration-rules.js';

const now = new Date('2026-05-04T10:00:00Z');
const later = new Date('2026-05-05T10:00:00Z');
const earlier = new Date('2026-05-03T10:00:00Z');

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? `${err.code}:${err.reason.key}` : 'other';
  }
};

describe('registration rules', () => {
  it('gives a seat while one is free, then the waitlist', () => {
    expect(seatOrWaitlist(2, 0)).toBe('registered');
    expect(seatOrWaitlist(2, 1)).toBe('registered');
    expect(seatOrWaitlist(2, 2)).toBe('waitlisted');
    // capacity cut below the seats taken never hands out another seat
    expect(seatOrWaitlist(2, 3)).toBe('waitlisted');
  });

  it('promotes the first people waiting, as many as there are free seats', () => {
    const waiting = ['ana', 'ben', 'cem'];
    expect(whomToPromote(5, { registered: 5, waiting }, true)).toEqual([]);
    expect(whomToPromote(5, { registered: 4, waiting }, true)).toEqual(['ana']);
    expect(whomToPromote(7, { registered: 5, waiting }, true)).toEqual(['ana', 'ben']);
    expect(whomToPromote(20, { registered: 5, waiting }, true)).toEqual(['ana', 'ben', 'cem']);
    expect(whomToPromote(3, { registered: 5, waiting }, true)).toEqual([]);
  });

  it('promotes nobody once the session began or was cancelled', () => {
    expect(whomToPromote(5, { registered: 0, waiting: ['ana'] }, false)).toEqual([]);
    expect(isOpen({ status: 'scheduled', startsAt: later }, now)).toBe(true);
    expect(isOpen({ status: 'scheduled', startsAt: now }, now)).toBe(false);
    expect(isOpen({ status: 'cancelled', startsAt: later }, now)).toBe(false);
  });

  it('keeps people who are in where they are when they ask again', () => {
    expect(alreadyIn('registered')).toBe(true);
    expect(alreadyIn('waitlisted')).toBe(true);
    expect(alreadyIn('cancelled')).toBe(false);
    expect(alreadyIn(undefined)).toBe(false);
  });

  it('refuses joining a session not meant for the person as if it did not exist; leaving is always possible', () => {
    const notMeant = { status: 'scheduled' as const, startsAt: later, meant: false };
    expect(codeOf(() => checkOpen(notMeant, now, true))).toBe('not_found:notFound.Training');
    expect(codeOf(() => checkOpen(notMeant, now, false))).toBe('ok');
    expect(codeOf(() => checkOpen(undefined, now, false))).toBe('not_found:notFound.Training');
  });

  it('refuses changes once the session is cancelled or has started', () => {
    expect(codeOf(() => checkOpen({ status: 'cancelled', startsAt: later, meant: true }, now, true))).toBe('conflict:training.cancelled');
    expect(codeOf(() => checkOpen({ status: 'scheduled', startsAt: earlier, meant: true }, now, false))).toBe('conflict:training.started');
    expect(codeOf(() => checkOpen({ status: 'scheduled', startsAt: now, meant: true }, now, true))).toBe('conflict:training.started');
  });
});
