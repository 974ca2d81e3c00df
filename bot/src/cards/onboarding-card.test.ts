import { describe, expect, it } from 'vitest';
import type { Locale } from './locale.js';
import { onboardingReminderCard, onboardingTexts } from './onboarding-card.js';
import { cardProblems, openUrlActions, renderForTest } from './render-for-test.js';

const vm = { done: 2, total: 5, onboardingUrl: 'https://chorus.example/tab/?page=onboarding' };

describe('onboarding reminder card', () => {
  for (const locale of ['de', 'en'] as Locale[]) {
    it(`parses and renders cleanly in ${locale}`, () => {
      expect(cardProblems(onboardingReminderCard(vm, locale), onboardingTexts[locale], onboardingTexts[locale === 'de' ? 'en' : 'de'])).toEqual([]);
    });
  }

  it('says how far they are, that it is the only reminder, and leads to onboarding', () => {
    const card = onboardingReminderCard(vm, 'en');
    expect(renderForTest(card).text).toContain('You have done 2 of 5 onboarding steps.');
    expect(renderForTest(card).text).toContain('this is the only reminder');
    expect(openUrlActions(card)).toEqual([{ title: 'Continue onboarding', url: vm.onboardingUrl }]);
    expect(renderForTest(onboardingReminderCard(vm, 'de')).text).toContain('2 von 5');
  });
});
