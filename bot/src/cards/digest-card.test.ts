import { describe, expect, it } from 'vitest';
import { digestCard, digestTexts, type DigestCardModel } from './digest-card.js';
import type { Locale } from './locale.js';
import { LOCALES } from './models-for-test.js';
import { cardProblems, openUrlActions, renderForTest } from './render-for-test.js';

const items = (n: number): DigestCardModel['items'] =>
  Array.from({ length: n }, (_, i) => ({
    title: `Item ${i + 1}: Leipzig plant runs on solar`,
    why: 'Shows our climate goals at work.',
    shareUrl: `https://chorus.example/s/tok${i + 1}`,
  }));
const trainings: DigestCardModel['trainings'] = [
  // 09:00 UTC in winter is 10:00 in Berlin.
  { title: 'LinkedIn basics', startsAt: '2026-03-02T09:00:00Z', url: 'https://chorus.example/trainings/1' },
];
const base: DigestCardModel = {
  weekOf: '2026-02-23',
  items: items(3),
  trainings,
  tabUrl: 'https://chorus.example/tab/?page=share',
};
const VARIANTS: Array<[string, DigestCardModel]> = [
  ['items and trainings', base],
  ['only items', { ...base, trainings: [] }],
  ['only trainings', { ...base, items: [] }],
  ['empty', { ...base, items: [], trainings: [] }],
  ['more than ten items', { ...base, items: items(14), trainings: Array.from({ length: 12 }, () => trainings[0]!) }],
];
const shareButtons = (vm: DigestCardModel, locale: Locale = 'en') =>
  openUrlActions(digestCard(vm, locale)).filter((a) => a.url.includes('/s/'));

describe('weekly digest card', () => {
  for (const locale of LOCALES) {
    for (const [variant, vm] of VARIANTS) {
      it(`parses and renders cleanly in ${locale} (${variant})`, () => {
        expect(cardProblems(digestCard(vm, locale), digestTexts[locale], digestTexts[locale === 'de' ? 'en' : 'de'])).toEqual([]);
      });
    }
  }

  it('lists each item with its why and a Share button', () => {
    const text = renderForTest(digestCard(base, 'en')).text;
    expect(text).toContain('Item 1: Leipzig plant runs on solar');
    expect(text).toContain('Shows our climate goals at work.');
    expect(shareButtons(base)).toEqual(items(3).map((i) => ({ title: 'Share', url: i.shareUrl })));
    expect(shareButtons(base, 'de').map((a) => a.title)).toEqual(['Teilen', 'Teilen', 'Teilen']);
  });

  it('shows at most ten items and says how many more there are', () => {
    const vm = { ...base, items: items(14) };
    expect(shareButtons(vm)).toHaveLength(10);
    expect(renderForTest(digestCard(vm, 'en')).text).toContain('…and 4 more in Chorus.');
    expect(renderForTest(digestCard(vm, 'de')).text).toContain('…und 4 weitere in Chorus.');
    expect(renderForTest(digestCard(base, 'en')).text).not.toContain('more in Chorus');
  });

  it('shows training times in the reader’s own time zone, as Teams renders them', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Europe/Berlin';
      expect(renderForTest(digestCard(base, 'en')).text).toMatch(/\b10:00\b/);
      process.env.TZ = 'America/New_York';
      expect(renderForTest(digestCard(base, 'en')).text).toMatch(/\b4:00\b/);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(JSON.stringify(digestCard(base, 'de'))).toContain('{{DATE(2026-03-02T09:00:00Z, LONG)}}');
    expect(openUrlActions(digestCard(base, 'en'))).toContainEqual({ title: 'View training', url: trainings[0]!.url });
  });

  it('names the week without shifting the day', () => {
    expect(renderForTest(digestCard(base, 'de')).text).toContain('Woche vom 23. Februar 2026');
    expect(renderForTest(digestCard(base, 'en')).text).toContain('Week of 23 February 2026');
  });

  it('has an empty state when there is nothing', () => {
    const vm = { ...base, items: [], trainings: [] };
    expect(renderForTest(digestCard(vm, 'en')).text).toContain('Nothing new this week');
    expect(renderForTest(digestCard(vm, 'de')).text).toContain('Diese Woche gibt es nichts Neues');
    expect(renderForTest(digestCard(base, 'en')).text).not.toContain('Nothing new this week');
    expect(openUrlActions(digestCard(vm, 'en'))).toEqual([{ title: 'Open Chorus', url: base.tabUrl }]);
  });

  it('shows item and training titles literally', () => {
    const vm = {
      ...base,
      items: [{ title: '[Win](https://evil.example) <script>x</script>', why: '**now**', shareUrl: 'https://chorus.example/s/t' }],
      trainings: [{ ...trainings[0]!, title: '[Register](https://evil.example/training)' }],
    };
    const result = renderForTest(digestCard(vm, 'en'));
    expect(result.warnings).toEqual([]);
    expect(result.links).toEqual([]);
    expect(result.html).not.toContain('<script>');
    expect(result.text).toContain('[Win](https://evil.example) <script>x</script>');
  });

  it('stays lean at its fullest', () => {
    const long = (n: number) => 'x'.repeat(n);
    const vm = {
      ...base,
      items: items(30).map((i) => ({ ...i, title: long(200), why: long(500) })),
      trainings: Array.from({ length: 30 }, () => ({ ...trainings[0]!, title: long(200) })),
    };
    expect(renderForTest(digestCard(vm, 'de')).bytes).toBeLessThan(28 * 1024);
  });
});
