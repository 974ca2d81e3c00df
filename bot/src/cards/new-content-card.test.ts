import { describe, expect, it } from 'vitest';
import type { Locale } from './locale.js';
import { LOCALES } from './models-for-test.js';
import { newContentCard, newContentTexts, type NewContentCardModel, type NewContentState } from './new-content-card.js';
import { cardProblems, openUrlActions, renderForTest } from './render-for-test.js';
import { VERBS } from './verbs.js';

const STATES: NewContentState[] = ['new', 'shared', 'expired', 'paused', 'not_for_me'];
const ITEM = '5f0c6a4e-8d1b-4c3a-9e2f-0a1b2c3d4e5f';
const base: NewContentCardModel = {
  itemId: ITEM,
  title: 'Our plant in Leipzig runs on solar power',
  why: 'Shows how seriously we take climate goals.',
  imageUrl: 'https://chorus.example/images/solar.jpg',
  suggestedText: 'Proud of the team in Leipzig: 100 % solar since May.',
  shareUrls: {
    xing: 'https://chorus.example/s/tok?network=xing',
    linkedin: 'https://chorus.example/s/tok?network=linkedin',
    facebook: 'https://chorus.example/s/tok?network=facebook',
    x: 'https://chorus.example/s/tok?network=x',
  },
  state: 'new',
  recipientUserId: '29:1abc-user',
};
const card = (over: Partial<NewContentCardModel>, locale: Locale = 'en') => newContentCard({ ...base, ...over }, locale);
const shareTitles = (over: Partial<NewContentCardModel>) => openUrlActions(card(over)).map((a) => a.title);

describe('new content card', () => {
  for (const locale of LOCALES) {
    for (const state of STATES) {
      for (const [variant, over] of [['with image', {}], ['without image', { imageUrl: null, recipientUserId: undefined }]] as const) {
        it(`parses and renders cleanly in ${locale}, ${state}, ${variant}`, () => {
          const other = newContentTexts[locale === 'de' ? 'en' : 'de'];
          expect(cardProblems(card({ ...over, state, sharedOn: ['x'], clicks: 3 }, locale), newContentTexts[locale], other)).toEqual([]);
        });
      }
    }
  }

  it('shows image, title, why and the suggested text', () => {
    const text = renderForTest(card({})).text;
    for (const part of [base.title, base.why, base.suggestedText, 'Suggested text']) expect(text).toContain(part);
    expect(card({}).body[0]).toEqual({ type: 'Image', url: base.imageUrl, altText: base.title, size: 'stretch' });
    expect(card({ imageUrl: null }).body.some((e) => e.type === 'Image')).toBe(false);
  });

  it('offers one button per network, in the order LinkedIn, X, Facebook, Xing', () => {
    expect(openUrlActions(card({}))).toEqual([
      { title: 'LinkedIn', url: base.shareUrls.linkedin },
      { title: 'X', url: base.shareUrls.x },
      { title: 'Facebook', url: base.shareUrls.facebook },
      { title: 'Xing', url: base.shareUrls.xing },
    ]);
    expect(shareTitles({ shareUrls: { xing: 'https://x.example/1', linkedin: 'https://x.example/2' } })).toEqual(['LinkedIn', 'Xing']);
  });

  it('keeps share buttons when shared, drops them when expired or paused, and all buttons for not-for-me', () => {
    expect(shareTitles({ state: 'shared' })).toHaveLength(4);
    expect(shareTitles({ state: 'expired' })).toEqual([]);
    expect(shareTitles({ state: 'paused' })).toEqual([]);
    expect(card({ state: 'expired' }).actions).toHaveLength(1);
    expect(card({ state: 'not_for_me' }).actions).toBeUndefined();
    expect(renderForTest(card({ state: 'not_for_me' })).html).not.toContain('<button');
  });

  it('asks for "not for me" feedback with an optional reason and the item id', () => {
    const [action] = card({}, 'de').actions ?? [];
    expect(action).toMatchObject({ type: 'Action.ShowCard', title: 'Nichts für mich' });
    const shown = (action as { card: { body: unknown[]; actions: unknown[] } }).card;
    expect(shown.body).toEqual([
      expect.objectContaining({
        type: 'Input.ChoiceSet',
        id: 'reason',
        isRequired: false,
        choices: [
          { title: 'Für mich nicht relevant', value: 'not_relevant' },
          { title: 'Nichts für mein Netzwerk', value: 'not_my_network' },
          { title: 'Gefällt mir nicht', value: 'dont_like' },
        ],
      }),
    ]);
    expect(shown.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: VERBS.itemNotForMe, title: 'Senden', data: { itemId: ITEM }, associatedInputs: 'auto' }),
    ]);
    // The card stays valid for the Adaptive Cards renderer (the reason question included).
    expect(renderForTest(card({}, 'en')).text).toContain('Not for me');
  });

  it('says what happened in each state, in the person’s language', () => {
    const text = (over: Partial<NewContentCardModel>, locale: Locale) => renderForTest(card(over, locale)).text;
    expect(text({ state: 'shared', clicks: 3, sharedOn: ['xing', 'linkedin'] }, 'en')).toContain('You shared this ✓ (3 clicks)');
    expect(text({ state: 'shared', clicks: 3, sharedOn: ['xing', 'linkedin'] }, 'en')).toContain('On LinkedIn, Xing');
    expect(text({ state: 'shared', clicks: 1 }, 'en')).toContain('You shared this ✓ (1 click)');
    expect(text({ state: 'shared', clicks: 1 }, 'de')).toContain('Geteilt ✓ (1 Klick)');
    expect(text({ state: 'shared', clicks: 1234 }, 'de')).toContain('Geteilt ✓ (1.234 Klicks)');
    expect(text({ state: 'shared', clicks: 0 }, 'de')).toContain('Geteilt ✓ (0 Klicks)');
    expect(text({ state: 'expired' }, 'en')).toContain('This item has expired');
    expect(text({ state: 'expired' }, 'de')).toContain('abgelaufen');
    expect(text({ state: 'paused' }, 'en')).toContain('Sharing is paused right now');
    expect(text({ state: 'paused' }, 'de')).toContain('pausiert');
    expect(text({ state: 'not_for_me' }, 'en')).toContain('Thanks for your feedback');
    expect(text({ state: 'not_for_me' }, 'de')).toContain('Danke für Ihre Rückmeldung');
    expect(text({ state: 'new' }, 'en')).not.toMatch(/shared this|expired|paused/);
  });

  it('refreshes per recipient (Universal Actions) in every state, and only with a recipient', () => {
    for (const state of STATES) {
      expect(card({ state }).refresh).toEqual({
        action: { type: 'Action.Execute', verb: VERBS.itemRefresh, data: { itemId: ITEM } },
        userIds: ['29:1abc-user'],
      });
    }
    expect(card({ recipientUserId: undefined })).not.toHaveProperty('refresh');
  });

  it('shows titles and texts from people literally: no Markdown links, no HTML', () => {
    const hostile = {
      title: '**Big news** <script>alert(1)</script>',
      why: '[Claim your prize](https://evil.example/phish)',
      suggestedText: '_Click_ [here](javascript:alert(1)) & <b>now</b>',
    };
    for (const state of STATES) {
      const result = renderForTest(card({ ...hostile, state }));
      expect(result.warnings).toEqual([]);
      expect(result.links).toEqual([]);
      expect(result.html).not.toMatch(/<script|<strong>Big|<b>now/);
      expect(result.text).toContain(hostile.title);
    }
    expect(renderForTest(card(hostile)).text).toContain(hostile.why);
    expect(renderForTest(card(hostile)).text).toContain(hostile.suggestedText);
  });

  it('stays lean with long texts', () => {
    const long = card({ title: 'T'.repeat(300), why: 'W'.repeat(1_000), suggestedText: 'S'.repeat(3_000), state: 'shared', sharedOn: ['x'] });
    expect(renderForTest(long).bytes).toBeLessThan(28 * 1024);
  });
});
