import { describe, expect, it } from 'vitest';
import { crisisNoticeCard } from './crisis-card.js';
import { digestCard } from './digest-card.js';
import type { Locale } from './locale.js';
import { LOCALES, sampleTraining } from './models-for-test.js';
import { newContentCard } from './new-content-card.js';
import { markdownExposure, renderForTest, textLinks } from './render-for-test.js';
import { trainingCard } from './training-card.js';
import { welcomeCard } from './welcome-card.js';

/**
 * Issue 10: every admin- or user-written string in a card must be inert text. Teams reads
 * TextBlock text and FactSet titles and values as Markdown, so these words must only ever
 * travel in TextRuns (or, for crisis instructions, through the one Markdown policy).
 */
const HOSTILE = {
  title: '[Win a prize](https://evil.example/title)',
  why: '**Act now** [here](https://evil.example/why)',
  host: '[Host](https://evil.example/host)',
  room: '[Room 1](https://evil.example/room) _B_',
  description: '<a href="https://evil.example/d">d</a>',
  name: '[Clara](https://evil.example/name)',
  post: '[post](https://evil.example/post)',
};
const WORDS = Object.values(HOSTILE);

const cards = (locale: Locale) => ({
  training: trainingCard({ ...sampleTraining, title: HOSTILE.title, description: HOSTILE.description, host: HOSTILE.host, room: HOSTILE.room }, locale),
  item: newContentCard(
    {
      itemId: 'i1',
      title: HOSTILE.title,
      why: HOSTILE.why,
      imageUrl: null,
      suggestedText: HOSTILE.post,
      shareUrls: { linkedin: 'https://chorus.example/s/t?network=linkedin' },
      state: 'new',
    },
    locale,
  ),
  digest: digestCard(
    {
      weekOf: '2026-11-30',
      items: [{ title: HOSTILE.title, why: HOSTILE.why, shareUrl: 'https://chorus.example/s/t' }],
      trainings: [{ title: HOSTILE.title, startsAt: '2026-12-03T09:00:00.000Z', url: 'https://chorus.example/tab/' }],
      tabUrl: 'https://chorus.example/tab/',
    },
    locale,
  ),
  welcome: welcomeCard({ displayName: HOSTILE.name, tabUrl: 'https://chorus.example/tab/', isNewHire: true, onboardingUrl: 'https://chorus.example/tab/' }, locale),
  crisis: crisisNoticeCard(
    { instructions: `${HOSTILE.why}\n\n${HOSTILE.description}`, statementUrl: null, spokesperson: HOSTILE.name, crisisPageUrl: 'https://chorus.example/tab/' },
    locale,
  ),
});

describe('people’s words in cards', () => {
  for (const locale of LOCALES) {
    for (const [name, card] of Object.entries(cards(locale))) {
      it(`${name} card (${locale}) shows them as typed, never as Markdown or a live link`, () => {
        expect(markdownExposure(card, WORDS)).toEqual([]);
        expect(textLinks(card).filter((url) => url.includes('evil.example'))).toEqual(
          // Crisis instructions keep https links by the Markdown policy: the admins wrote them on purpose.
          name === 'crisis' ? ['https://evil.example/why'] : [],
        );
        expect(renderForTest(card).warnings).toEqual([]);
      });
    }
  }

  it('shows the training’s host and room as typed', () => {
    const { text } = renderForTest(cards('en').training);
    expect(text).toContain(HOSTILE.host);
    expect(text).toContain(HOSTILE.room);
  });
});
