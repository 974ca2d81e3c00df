import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../i18n/index.js';
import { audienceNotes } from './training-audience.js';

const { en, de } = DICTIONARIES;

describe('what Admin says about a session’s audience', () => {
  it('says nothing when people are in it', () => {
    expect(audienceNotes({ staleAudience: [], reachesNobody: false }, en)).toEqual({});
  });

  it('names the values nobody holds any more, on the row and before announcing', () => {
    const notes = audienceNotes({ staleAudience: ['Sales (old)', 'Bonn'], reachesNobody: false }, en);
    expect(notes.flag).toEqual({ label: 'Audience out of date', hint: expect.stringContaining('holds Sales (old), Bonn any more') });
    expect(notes.announceWarning).toMatch(/^Nobody in the directory holds Sales \(old\), Bonn any more/);
  });

  it('warns before announcing to nobody, naming the cause on the row when there is one', () => {
    expect(audienceNotes({ staleAudience: [], reachesNobody: true }, de)).toEqual({
      flag: { label: 'Erreicht niemanden', hint: expect.stringMatching(/^Zu dieser Zielgruppe gehört/) },
      announceWarning: expect.stringMatching(/^Diese Zielgruppe erreicht derzeit niemanden/),
    });
    const renamed = audienceNotes({ staleAudience: ['Vertrieb (alt)'], reachesNobody: true }, de);
    expect(renamed.flag?.label).toBe('Zielgruppe veraltet');
    expect(renamed.announceWarning).toMatch(/^Diese Zielgruppe erreicht derzeit niemanden/);
  });
});
