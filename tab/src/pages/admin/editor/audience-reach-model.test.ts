import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../../i18n/index.js';
import { audienceKey, audienceOfKey, publishWarning, reachText } from './audience-reach-model.js';

const { en, de } = DICTIONARIES;
const number = (n: number) => new Intl.NumberFormat('de').format(n);
const everyone = { departments: [], locations: [] };
const financeInMunich = { departments: ['Finance'], locations: ['München'] };
const reach = (people: number, unknownDepartments: string[] = [], unknownLocations: string[] = []) => ({ people, unknownDepartments, unknownLocations });

describe('the line under the audience picker', () => {
  it('counts everyone, or the people reached, with the number as the language writes it', () => {
    expect(reachText(everyone, reach(1234), de, number)).toEqual({ text: 'Alle (1.234 Personen)', nobody: false });
    expect(reachText(financeInMunich, reach(1), en, String)).toEqual({ text: 'Reaches 1 person', nobody: false });
    expect(reachText(financeInMunich, reach(12), de, number)).toEqual({ text: 'Erreicht 12 Personen', nobody: false });
  });

  it('warns when a narrower audience reaches nobody', () => {
    expect(reachText(financeInMunich, reach(0), de, number)).toEqual({ text: expect.stringMatching(/^Erreicht niemanden/), nobody: true });
  });

  it('keeps an audience as one string and back', () => {
    expect(audienceOfKey(audienceKey(financeInMunich))).toEqual(financeInMunich);
    expect(audienceKey({ departments: ['a,b'], locations: [] })).not.toBe(audienceKey({ departments: ['a', 'b'], locations: [] }));
  });
});

describe('the question before publishing', () => {
  it('asks nothing when people are in the audience, or it is everyone', () => {
    expect(publishWarning(financeInMunich, reach(3), true, en)).toBeUndefined();
    expect(publishWarning(everyone, reach(0), true, en)).toBeUndefined();
  });

  it('says first that nobody would see it, and mentions the card only when announcing', () => {
    expect(publishWarning(financeInMunich, reach(0, ['Finance']), true, en)).toBe(
      'Its audience reaches nobody at the moment: no one would see the item in their feed or get the card.',
    );
    expect(publishWarning(financeInMunich, reach(0), false, de)).toBe('Diese Zielgruppe erreicht derzeit niemanden: Niemand sähe den Inhalt im Feed.');
  });

  it('names departments and locations nobody holds when others are reached', () => {
    expect(publishWarning({ departments: ['Finance', 'Finanzen (alt)'], locations: ['Bonn'] }, reach(2, ['Finanzen (alt)'], ['Bonn']), false, de)).toBe(
      'Finanzen (alt), Bonn hat im Verzeichnis niemand mehr (umbenannt oder weggefallen?): Dort sähe niemand den Inhalt.',
    );
  });
});
