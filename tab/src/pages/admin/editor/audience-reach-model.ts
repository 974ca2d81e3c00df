import type { Audience, AudienceReach } from '@contract';
import { audienceNotes } from '../../../components/audience-notes.js';
import type { Strings } from '../../../i18n/index.js';

/** No departments and no locations: everyone (never warned about). */
export const isEveryone = (audience: Audience) => audience.departments.length + audience.locations.length === 0;

/** An audience as one string, so that an unchanged audience is the same value from render to render. */
export const audienceKey = (audience: Audience): string => JSON.stringify([audience.departments, audience.locations]);

export function audienceOfKey(key: string): Audience {
  const [departments, locations] = JSON.parse(key) as [string[], string[]];
  return { departments, locations };
}

/** The line under the audience picker: "Reaches 12 people", "Everyone (40 people)", or a warning that it reaches nobody. */
export function reachText(audience: Audience, reach: AudienceReach, t: Strings, number: (n: number) => string): { text: string; nobody: boolean } {
  if (isEveryone(audience)) return { text: t.reachEveryone(reach.people, number(reach.people)), nobody: false };
  if (reach.people === 0) return { text: t.reachNobody, nobody: true };
  return { text: t.reachPeople(reach.people, number(reach.people)), nobody: false };
}

/**
 * What to say before publishing (issue 14 §2), or nothing: an audience of nobody first (nothing
 * would reach anyone at all), else the values nobody holds. Everyone is never warned about.
 */
export function publishWarning(audience: Audience, reach: AudienceReach, announcing: boolean, t: Strings): string | undefined {
  if (isEveryone(audience)) return undefined;
  const facts = { staleAudience: [...reach.unknownDepartments, ...reach.unknownLocations], reachesNobody: reach.people === 0 };
  return audienceNotes(facts, {
    staleLabel: t.staleAudience,
    staleHint: t.staleAudienceHint,
    nobodyLabel: t.reachesNobody,
    nobodyHint: t.reachesNobodyHint,
    announceNobody: t.publishCheckNobody(announcing),
    announceStale: (values) => t.publishCheckStale(values, announcing),
  }).announceWarning;
}
