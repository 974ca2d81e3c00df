import { describe, expect, it } from 'vitest';
import { campaignResultCard, campaignResultTexts } from './campaign-result-card.js';
import type { Locale } from './locale.js';
import { cardProblems, renderForTest } from './render-for-test.js';

const vm = { name: '**Spring** <b>hiring</b>', metric: 'shares' as const, target: 50, total: 62, prize: 'Breakfast with the board', campaignsUrl: 'https://chorus.example/tab/?page=share' };

describe('campaign result card', () => {
  for (const locale of ['de', 'en'] as Locale[]) {
    it(`parses and renders cleanly in ${locale}`, () => {
      expect(cardProblems(campaignResultCard(vm, locale), campaignResultTexts[locale], campaignResultTexts[locale === 'de' ? 'en' : 'de'])).toEqual([]);
    });
  }

  it('gives the team result and thanks, the admins’ words inert; a rank only when given', () => {
    const card = campaignResultCard(vm, 'en');
    const shown = renderForTest(card).text;
    expect(shown).toContain('Together we reached 62 of 50 shares.');
    expect(shown).toContain('We reached the goal!');
    expect(shown).toContain('**Spring** <b>hiring</b>');
    expect(shown).toContain('Thank you for taking part');
    expect(shown).not.toContain('leaderboard');
    expect(renderForTest(campaignResultCard({ ...vm, rank: 3 }, 'en')).text).toContain('Your place on the leaderboard: 3');
    expect(JSON.stringify(card)).not.toMatch(/"type":"TextBlock","text":"\*\*Spring/);
  });
});

describe('item card in a campaign', () => {
  it('carries a line with the team’s progress at send time, the name as inert text', async () => {
    const { newContentCard } = await import('./new-content-card.js');
    const card = newContentCard(
      { itemId: 'i1', title: 'Job', why: 'Why', imageUrl: null, suggestedText: '', shareUrls: {}, state: 'new', campaign: { name: '[Spring](https://evil.example)', progress: 12, target: 50, metric: 'shares' } },
      'en',
    );
    expect(renderForTest(card).text).toContain('Campaign: [Spring](https://evil.example) — 12 of 50 shares so far');
    expect(JSON.stringify(card)).toContain('"type":"TextRun","text":"[Spring](https://evil.example)"');
  });
});
