import { describe, expect, it } from 'vitest';
import { render } from '../messages/message.js';
import { audienceWarnings, type AudienceDirectory } from './audience-warnings.js';

/** A directory of (department, location) pairs held by people who have not left. */
function directory(people: Array<[string, string]>): AudienceDirectory & { asked: number } {
  const d = {
    asked: 0,
    async reach(departments: readonly string[], locations: readonly string[]) {
      d.asked++;
      return people.filter(([dep, loc]) => (departments.length === 0 || departments.includes(dep)) && (locations.length === 0 || locations.includes(loc))).length;
    },
    async unknown(departments: readonly string[], locations: readonly string[]) {
      return { departments: departments.filter((v) => !people.some(([dep]) => dep === v)), locations: locations.filter((v) => !people.some(([, loc]) => loc === v)) };
    },
  };
  return d;
}

const worded = (warnings: Awaited<ReturnType<typeof audienceWarnings>>) => warnings.map((w) => [w.field, render(w.reason, 'en')]);

describe('audience warnings', () => {
  const people = directory([['Sales', 'Hamburg'], ['Engineering', 'Berlin']]);

  it('says nothing about everyone, or an audience people are in', async () => {
    expect(await audienceWarnings(people, { departments: [], locations: [] })).toEqual([]);
    expect(people.asked).toBe(0);
    expect(await audienceWarnings(people, { departments: ['Sales'], locations: ['Hamburg'] })).toEqual([]);
  });

  it('warns when the values exist but nobody holds them together', async () => {
    expect(worded(await audienceWarnings(people, { departments: ['Sales'], locations: ['Berlin'] }))).toEqual([
      ['audience', expect.stringMatching(/^This audience reaches nobody/)],
    ]);
  });

  it('names the values nobody holds, per field, and says when that leaves nobody', async () => {
    expect(worded(await audienceWarnings(people, { departments: ['Sales', 'Sales & Marketing (old)'], locations: [] }))).toEqual([
      ['audience.departments', 'Not held by anyone in the directory (renamed or gone?): Sales & Marketing (old)'],
    ]);
    expect(worded(await audienceWarnings(people, { departments: ['Legal'], locations: ['Paris', 'Rome'] }))).toEqual([
      ['audience', expect.any(String)],
      ['audience.departments', expect.stringContaining(': Legal')],
      ['audience.locations', expect.stringContaining(': Paris, Rome')],
    ]);
  });

  it('says nothing without a directory to ask', async () => {
    expect(await audienceWarnings(undefined, { departments: ['Legal'], locations: [] })).toEqual([]);
  });
});
