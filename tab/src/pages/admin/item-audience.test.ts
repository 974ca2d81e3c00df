import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../i18n/index.js';
import { itemAudienceNotes } from './item-audience.js';

const { en, de } = DICTIONARIES;

describe('what Admin says about an item’s audience', () => {
  it('says nothing when people are in it', () => {
    expect(itemAudienceNotes({ staleAudience: [], reachesNobody: false }, en)).toEqual({});
  });

  it('flags an audience of nobody on the row and warns before announcing', () => {
    expect(itemAudienceNotes({ staleAudience: [], reachesNobody: true }, en)).toEqual({
      flag: { label: 'Reaches nobody', hint: expect.stringMatching(/^Nobody in the directory is in this audience/) },
      announceWarning: expect.stringMatching(/^Its audience reaches nobody at the moment: no one would get the card/),
    });
  });

  it('names the values nobody holds any more, and puts nobody-at-all first before announcing', () => {
    const stale = itemAudienceNotes({ staleAudience: ['Vertrieb (alt)', 'Bonn'], reachesNobody: false }, de);
    expect(stale.flag).toEqual({ label: 'Zielgruppe veraltet', hint: expect.stringMatching(/^Vertrieb \(alt\), Bonn hat im Verzeichnis niemand mehr/) });
    expect(stale.announceWarning).toMatch(/^Vertrieb \(alt\), Bonn hat im Verzeichnis niemand mehr .*Dort bekommt niemand die Karte/);
    const renamed = itemAudienceNotes({ staleAudience: ['Vertrieb (alt)'], reachesNobody: true }, de);
    expect(renamed.flag?.label).toBe('Zielgruppe veraltet');
    expect(renamed.announceWarning).toMatch(/^Diese Zielgruppe erreicht derzeit niemanden: Die Karte bekäme niemand/);
  });
});
