import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, otherLocale as other, sampleTraining } from './models-for-test.js';
import { cardProblems, openUrlActions, renderForTest } from './render-for-test.js';
import { cardWhen, trainingCard, trainingTexts, type TrainingCardModel } from './training-card.js';
import { VERBS } from './verbs.js';

// 10:00–11:30 in Berlin on 3 December 2026 (CET, UTC+1).
const base: TrainingCardModel = { ...sampleTraining, recipientUserId: '29:aylin' };
const verbs = (vm: TrainingCardModel) => (trainingCard(vm, 'en').actions ?? []).flatMap((a) => (a.type === 'Action.Execute' ? [[a.verb, a.title]] : []));
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('training card', () => {
  for (const locale of LOCALES) {
    for (const mine of [{ status: 'none' }, { status: 'registered' }, { status: 'waitlisted', position: 4 }] as const) {
      it(`parses and renders cleanly in ${locale} (${mine.status})`, () => {
        expect(cardProblems(trainingCard({ ...base, mine }, locale), trainingTexts[locale], trainingTexts[other(locale)])).toEqual([]);
      });
    }
  }

  it('shows the time in the reader’s own time zone: 10:00 in Berlin is 9:00 in London', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(renderForTest(trainingCard(base, 'en')).text).toMatch(/\b10:00\b/);
    process.env.TZ = 'Europe/London';
    const london = renderForTest(trainingCard(base, 'en')).text;
    expect(london).toMatch(/\b9:00\b/);
    expect(london).not.toMatch(/\b10:00\b/);
    expect(cardWhen(base.startsAt, base.endsAt)).toBe('{{DATE(2026-12-03T09:00:00Z, LONG)}}, {{TIME(2026-12-03T09:00:00Z)}}–{{TIME(2026-12-03T10:30:00Z)}}');
  });

  it('offers register, the waitlist when full, and cancelling what one has', () => {
    expect(verbs(base)).toEqual([[VERBS.trainingRegister, 'Register']]);
    expect(renderForTest(trainingCard(base, 'en')).text).toContain('3 of 20 seats left');
    expect(verbs({ ...base, seatsLeft: 0 })).toEqual([[VERBS.trainingRegister, 'Join the waitlist']]);
    expect(verbs({ ...base, mine: { status: 'registered' } })).toEqual([[VERBS.trainingUnregister, 'Cancel registration']]);
    expect(openUrlActions(trainingCard({ ...base, mine: { status: 'registered' } }, 'en')).map((a) => a.title)).toContain('Join the meeting');
    expect(verbs({ ...base, mine: { status: 'waitlisted', position: 2 } })).toEqual([[VERBS.trainingUnregister, 'Leave the waitlist']]);
    expect(renderForTest(trainingCard({ ...base, mine: { status: 'waitlisted', position: 2 } }, 'de')).text).toContain('Nummer 2 auf der Warteliste');
  });

  it('refreshes for its reader and closes once started or cancelled', () => {
    expect(trainingCard(base, 'en').refresh).toEqual({
      action: { type: 'Action.Execute', verb: VERBS.trainingRefresh, data: { trainingId: base.trainingId } },
      userIds: ['29:aylin'],
    });
    expect(verbs({ ...base, started: true })).toEqual([]);
    const cancelled = trainingCard({ ...base, status: 'cancelled', mine: { status: 'registered' } }, 'en');
    expect(verbs({ ...base, status: 'cancelled' })).toEqual([]);
    expect(renderForTest(cancelled).text).toContain('has been cancelled');
    expect(openUrlActions(cancelled).map((a) => a.title)).not.toContain('Join the meeting');
  });

  it('says why it came: a seat, a reminder', () => {
    expect(renderForTest(trainingCard({ ...base, notice: 'seat', mine: { status: 'registered' } }, 'en')).text).toContain('A seat became free');
    expect(renderForTest(trainingCard({ ...base, notice: 'reminder_1h', mine: { status: 'registered' } }, 'de')).text).toContain('beginnt in einer Stunde');
  });
});
