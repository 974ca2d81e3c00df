import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../../i18n/index.js';
import { audienceKey, audienceOfKey, reachText } from './audience-reach-model.js';

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

