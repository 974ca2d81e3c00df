import { describe, expect, it } from 'vitest';
import type { Locale } from './locale.js';
import { resultsCard, resultsTexts, type ResultsCardModel } from './results-card.js';
import { cardProblems, openUrlActions, renderForTest } from './render-for-test.js';

const vm: ResultsCardModel = {
  from: '2026-11-01',
  to: '2026-11-30',
  shares: 3,
  clicks: 142,
  readers: 97,
  best: { title: 'Our new plant in Leipzig', clicks: 90 },
  perNetwork: [
    { network: 'linkedin', clicks: 120 },
    { network: 'xing', clicks: 22 },
  ],
  impactUrl: 'https://chorus.example/tab/?page=impact',
  settingsUrl: 'https://chorus.example/tab/?page=settings',
};

describe('results card', () => {
  for (const locale of ['de', 'en'] as Locale[]) {
    it(`parses and renders cleanly in ${locale}`, () => {
      expect(cardProblems(resultsCard(vm, locale), resultsTexts[locale], resultsTexts[locale === 'de' ? 'en' : 'de'])).toEqual([]);
    });
  }

  it('says what my shares brought over the month, my best item, and thanks me', () => {
    const text = renderForTest(resultsCard(vm, 'en')).text;
    expect(text).toMatch(/Your results for 1\s–\s30 November 2026/);
    expect(text).toContain('Your 3 shares brought 142 visits.');
    expect(text).toContain('97 different readers');
    expect(text).toContain('Read most: Our new plant in Leipzig (90 visits)');
    expect(text).toContain('Thank you');
    expect(openUrlActions(resultsCard(vm, 'en'))).toEqual([
      { title: 'See my impact', url: vm.impactUrl },
      { title: 'Settings', url: vm.settingsUrl },
    ]);
    const de = renderForTest(resultsCard(vm, 'de')).text;
    expect(de).toContain('Ihre 3 geteilten Beiträge brachten 142 Besuche.');
    expect(de).toContain('1.–30. November 2026');
  });

  it('never nudges: no call to share more, no comparison with anyone', () => {
    for (const locale of ['de', 'en'] as Locale[]) {
      const text = renderForTest(resultsCard(vm, locale)).text.toLowerCase();
      for (const nudge of ['share more', 'keep sharing', 'colleagues', 'rank', 'mehr teilen', 'kolleg', 'platz']) expect(text).not.toContain(nudge);
    }
  });

  it('draws the visits per network as a chart with the same numbers as text for hosts without charts', () => {
    const card = resultsCard(vm, 'en');
    const chart = card.body.find((e) => e.type === 'Chart.VerticalBar');
    expect(chart).toMatchObject({ data: [{ x: 'LinkedIn', y: 120 }, { x: 'Xing', y: 22 }] });
    expect(JSON.stringify(chart && 'fallback' in chart ? chart.fallback : null)).toContain('LinkedIn: 120 · Xing: 22');
    // The renderer used in tests knows no charts: it shows the fallback, as older hosts do.
    expect(renderForTest(card).text).toContain('Visits per network: LinkedIn: 120 · Xing: 22');
    // One network only: a chart of one bar says nothing the headline does not.
    expect(resultsCard({ ...vm, perNetwork: [{ network: 'linkedin', clicks: 142 }] }, 'en').body.some((e) => e.type === 'Chart.VerticalBar')).toBe(false);
  });

  it('one share and no visits yet: singular words, a kind line instead of numbers', () => {
    const text = renderForTest(resultsCard({ ...vm, shares: 1, clicks: 0, readers: 0, best: null, perNetwork: [] }, 'en')).text;
    expect(text).toContain('Your 1 share brought 0 visits.');
    expect(text).toContain('No visits counted yet');
    expect(text).not.toContain('Read most');
  });

  it("shows an item's title as typed, never as Markdown or a live link", () => {
    const card = resultsCard({ ...vm, best: { title: '[Win](https://evil.example) **now**', clicks: 5 } }, 'en');
    const rendered = renderForTest(card);
    expect(rendered.text).toContain('[Win](https://evil.example) **now**');
    expect(rendered.html).not.toContain('href="https://evil.example"');
  });
});
