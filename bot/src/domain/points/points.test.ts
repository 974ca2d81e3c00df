import { describe, expect, it } from 'vitest';
import { periodWindow, localMidnight } from './periods.js';
import { normalisePseudonym, pseudonymSkeleton } from './pseudonym.js';
import { programOnAt, rankTeams, readerPoints } from './points-rules.js';
import { checkSettingsChange, boardWindow, needsNewBoardId, noCampaigns } from './my-settings.js';
import { AppError } from '../errors.js';
import { rankBoard } from './board.js';

describe('readers: a daily cap per share', () => {
  const rules = { perReader: 2, readerDailyCap: 10 };
  it('counts readers up to the cap, across the flushes of one day', () => {
    expect(readerPoints(0, 4, rules)).toEqual({ counted: 4, points: 8 });
    expect(readerPoints(4, 4, rules)).toEqual({ counted: 4, points: 8 });
    expect(readerPoints(8, 4, rules)).toEqual({ counted: 2, points: 4 });
    expect(readerPoints(12, 5, rules)).toEqual({ counted: 0, points: 0 });
  });
  it('a cap of 0 earns nothing for readers', () => expect(readerPoints(0, 3, { perReader: 5, readerDailyCap: 0 })).toEqual({ counted: 0, points: 0 }));
});

describe('periods in the tenant zone', () => {
  it('a week starts Monday 00:00 in Berlin, also on a Sunday night that is Monday in Berlin', () => {
    // Sunday 2026-03-29 23:30 UTC is Monday 01:30 in Berlin (summer time since that morning).
    const w = periodWindow('week', new Date('2026-03-29T23:30:00Z'), 'Europe/Berlin');
    expect(w.from?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(w.to?.toISOString()).toBe('2026-04-05T22:00:00.000Z');
  });
  it('a week that spans the switch to summer time starts at local midnight (UTC+1)', () => {
    const w = periodWindow('week', new Date('2026-03-28T12:00:00Z'), 'Europe/Berlin');
    expect(w.from?.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(w.to?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
  it('a month in New York and in Berlin; the year rolls over', () => {
    expect(periodWindow('month', new Date('2026-12-01T03:00:00Z'), 'America/New_York')).toEqual({
      from: new Date('2026-11-01T04:00:00Z'), to: new Date('2026-12-01T05:00:00Z'),
    });
    expect(periodWindow('month', new Date('2026-12-15T12:00:00Z'), 'Europe/Berlin')).toEqual({
      from: new Date('2026-11-30T23:00:00Z'), to: new Date('2026-12-31T23:00:00Z'),
    });
    expect(localMidnight(2026, 13, 1, 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
  it('all time is open on both ends; a campaign nobody wired is not found', async () => {
    expect(periodWindow('all', new Date(), 'Europe/Berlin')).toEqual({ from: null, to: null });
    await expect(boardWindow({ period: 'campaign', campaignId: 'x' }, { now: new Date(), timeZone: 'UTC', campaigns: noCampaigns })).rejects.toMatchObject({ code: 'not_found' });
    const campaign = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') };
    expect(await boardWindow({ period: 'campaign', campaignId: 'c' }, { now: new Date(), timeZone: 'UTC', campaigns: async () => campaign })).toEqual(campaign);
  });
});

describe('teams on the board: at least five members opted in', () => {
  it('smaller teams are not shown at all; ties share a rank', () => {
    const ranked = rankTeams([
      { name: 'Sales', members: 4, points: 900 },
      { name: 'Engineering', members: 5, points: 100 },
      { name: 'Marketing', members: 12, points: 300 },
      { name: 'Legal', members: 6, points: 100 },
    ]);
    expect(ranked.map((t) => [t.name, t.rank])).toEqual([['Marketing', 1], ['Engineering', 2], ['Legal', 2]]);
  });
});

describe('pseudonyms', () => {
  it('3–30 letters, digits, spaces, - and _; trimmed; no HTML', () => {
    expect(normalisePseudonym('  Blue  Fox_7 ')).toEqual({ value: 'Blue Fox_7' });
    expect(normalisePseudonym('Zoë-Ünal')).toEqual({ value: 'Zoë-Ünal' });
    expect(normalisePseudonym('ab')).toEqual({ problem: 'pseudonym.length' });
    expect(normalisePseudonym('a'.repeat(31))).toEqual({ problem: 'pseudonym.length' });
    expect(normalisePseudonym('<b>Fox</b>')).toEqual({ problem: 'pseudonym.characters' });
    expect(normalisePseudonym('Fox\u200b Fox')).toEqual({ problem: 'pseudonym.characters' });
  });
  it('nothing invisible: fillers that render blank, default-ignorables and format characters', () => {
    for (const bad of ['Anna\u3164', '\u3164\u3164\u3164', 'An\u115Fna', 'An\u1160na', 'Anna\uFFA0', 'An\u17B4na', 'An\u17B5na',
      'An\u00ADna', 'An\u2060na', 'Anna\uFE0F', 'An\u200Dna', 'Anna\u202E', 'An\u034Fna']) {
      expect(normalisePseudonym(bad), JSON.stringify(bad)).toEqual({ problem: 'pseudonym.characters' });
    }
  });
  it('letters of the Latin, Greek or Cyrillic alphabets only; no phonetic, small-capital or other-script look-alikes', () => {
    for (const bad of ['ɑnna', 'Ꭺnna', 'ᴀnna', 'ʀobin', 'Annaª', 'ǀvan', 'Ɐnna', 'Aꞁex', 'Ann٣', 'ʰanna', 'Ⲁnna', '𝐀nna', 'ꙮlga']) {
      expect(normalisePseudonym(bad), bad).toEqual({ problem: 'pseudonym.characters' });
    }
    expect(normalisePseudonym('n\u0308n\u0308a')).toEqual({ value: 'n\u0308n\u0308a' }); // an accent NFC cannot join
    expect(normalisePseudonym('Anna\u0301\u0301')).toEqual({ problem: 'pseudonym.characters' }); // stacked accents
    expect(normalisePseudonym('\u0301Anna')).toEqual({ problem: 'pseudonym.characters' });
    for (const good of ['Şükrü Öztürk', 'Nguyễn Văn', 'Łukasz', 'Ελένη', 'ᾇδης', 'Ольга', 'Йожеф', 'Ștefan', 'Ａｎｎａ']) expect(normalisePseudonym(good), good).toEqual({ value: good });
  });
  it('one alphabet per pseudonym: Latin mixed with Greek or Cyrillic is refused', () => {
    for (const bad of ['Аnna', 'Αnnα', 'Annа', 'Olga Ольга', 'Ελένη Ольга']) expect(normalisePseudonym(bad), bad).toEqual({ problem: 'pseudonym.mixedScripts' });
  });
  it('the skeleton ignores case and look-alike letters (Cyrillic, Greek, full-width, digits)', () => {
    const anna = pseudonymSkeleton('Anna');
    expect(pseudonymSkeleton('ANNA')).toBe(anna);
    expect(pseudonymSkeleton('Аnna')).toBe(anna); // Cyrillic А
    expect(pseudonymSkeleton('Αnnα')).toBe(anna); // Greek Alpha and alpha
    expect(pseudonymSkeleton('Ａｎｎａ')).toBe(anna); // full-width
    expect(pseudonymSkeleton('Kopp')).toBe(pseudonymSkeleton('КорР'));
    expect(pseudonymSkeleton('Ola')).toBe(pseudonymSkeleton('0Ia'));
    expect(pseudonymSkeleton('Modern')).toBe(pseudonymSkeleton('Modem'));
    expect(pseudonymSkeleton('Anna')).not.toBe(pseudonymSkeleton('Anne'));
    // Whole-script look-alikes: one alphabet, but the same picture.
    expect(pseudonymSkeleton('Аппа')).toBe(anna); // all Cyrillic
    expect(pseudonymSkeleton('Αηηα')).toBe(anna); // all Greek
    // Latin look-alikes: IPA, small capitals, letters with a stroke.
    expect(pseudonymSkeleton('ɑnna')).toBe(anna);
    expect(pseudonymSkeleton('ᴀɴɴᴀ')).toBe(anna);
    expect(pseudonymSkeleton('Łukasz')).toBe(pseudonymSkeleton('Lukasz'));
  });
  it('a settings change: no pseudonym shows the name; opting out drops it; an empty or bad one is a 400 on the field', () => {
    expect(checkSettingsChange({ leaderboard: { optIn: true, pseudonym: null } })).toEqual({ leaderboard: { optIn: true, pseudonym: null } });
    // Left out is not null: anything left out stays as it is (storage keeps the pseudonym).
    expect(checkSettingsChange({ leaderboard: { optIn: true } })).toEqual({ leaderboard: { optIn: true } });
    expect(() => checkSettingsChange({ leaderboard: { optIn: true, pseudonym: '  ' } })).toThrow(AppError);
    expect(checkSettingsChange({ leaderboard: { optIn: false, pseudonym: 'Fox' } })).toEqual({ leaderboard: { optIn: false, pseudonym: null } });
    expect(checkSettingsChange({ leaderboard: { optIn: true, pseudonym: ' Fox ' } })).toEqual({ leaderboard: { optIn: true, pseudonym: { value: 'Fox', key: 'fox' } } });
    try {
      checkSettingsChange({ leaderboard: { optIn: true, pseudonym: '<i>' } });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).fields).toHaveProperty('leaderboard.pseudonym');
    }
  });
});

describe('the board id', () => {
  const out = { optIn: false, pseudonym: null };
  it('is new whenever the name shown next to it changes: opting in (again), a pseudonym set, changed or cleared', () => {
    expect(needsNewBoardId(out, { optIn: true, pseudonym: null })).toBe(true);
    expect(needsNewBoardId(out, { optIn: true, pseudonym: 'Fox' })).toBe(true);
    expect(needsNewBoardId({ optIn: true, pseudonym: null }, { optIn: true, pseudonym: 'Fox' })).toBe(true);
    expect(needsNewBoardId({ optIn: true, pseudonym: 'Fox' }, { optIn: true, pseudonym: 'Owl' })).toBe(true);
    expect(needsNewBoardId({ optIn: true, pseudonym: 'Fox' }, { optIn: true, pseudonym: 'FOX' })).toBe(true);
    expect(needsNewBoardId({ optIn: true, pseudonym: 'Fox' }, { optIn: true, pseudonym: null })).toBe(true);
  });
  it('stays while the shown name stays; opting out needs none', () => {
    expect(needsNewBoardId({ optIn: true, pseudonym: 'Fox' }, { optIn: true, pseudonym: 'Fox' })).toBe(false);
    expect(needsNewBoardId({ optIn: true, pseudonym: null }, { optIn: true, pseudonym: null })).toBe(false);
    expect(needsNewBoardId({ optIn: true, pseudonym: 'Fox' }, out)).toBe(false);
  });
});

describe('the programme on or off, by event', () => {
  it('off before any save; the latest save before an event decides', () => {
    expect(programOnAt([], 5)).toBe(false);
    const log = [
      { id: 1, afterEventId: 10, enabled: true },
      { id: 2, afterEventId: 20, enabled: false },
      { id: 3, afterEventId: 30, enabled: true },
    ];
    expect([10, 11, 20, 21, 30, 31].map((id) => programOnAt(log, id))).toEqual([false, true, true, false, false, true]);
  });
  it('saves at the same event, or recorded out of order, are decided by the order they were saved in', () => {
    expect(programOnAt([{ id: 1, afterEventId: 10, enabled: true }, { id: 2, afterEventId: 10, enabled: false }], 11)).toBe(false);
    expect(programOnAt([{ id: 2, afterEventId: 9, enabled: false }, { id: 1, afterEventId: 10, enabled: true }], 11)).toBe(false);
  });
});

describe('rankBoard', () => {
  const m = (id: string, points: number, team: string | null = null) => ({ personId: `p-${id}`, boardId: `b-${id}`, team, points });

  it('shares a rank between ties, orders ties by board id, and leaves people without points out of the top', () => {
    const board = rankBoard([m('c', 5), m('a', 9), m('b', 9), m('d', 0), m('e', 1)]);
    expect(board.top.map((p) => [p.boardId, p.rank])).toEqual([['b-a', 1], ['b-b', 1], ['b-c', 3], ['b-e', 4]]);
    expect(board.placeOf('p-d')).toEqual({ points: 0, rank: 5 });
    expect(board.placeOf('p-nobody')).toBeNull();
  });

  it('shows ten at most, while everyone keeps a place', () => {
    const board = rankBoard(Array.from({ length: 25 }, (_, i) => m(String(i).padStart(2, '0'), 100 - i)));
    expect(board.top).toHaveLength(10);
    expect(board.placeOf('p-24')).toEqual({ points: 76, rank: 25 });
  });

  it('ranks teams of five or more by the sum of their members, people without points included in the count', () => {
    const sales = ['1', '2', '3', '4', '5'].map((id) => m(`s${id}`, id === '1' ? 7 : 0, 'Sales'));
    const legal = ['1', '2', '3', '4'].map((id) => m(`l${id}`, 100, 'Legal'));
    expect(rankBoard([...sales, ...legal, m('x', 3)]).teams).toEqual([{ name: 'Sales', members: 5, points: 7, rank: 1 }]);
  });
});
