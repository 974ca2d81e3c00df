import { describe, expect, it } from 'vitest';
import { LOCALES, otherLocale as other } from './models-for-test.js';
import { cardProblems, openUrlActions, renderForTest } from './render-for-test.js';
import { VERBS } from './verbs.js';
import { welcomeCard, welcomeTexts, type WelcomeCardModel } from './welcome-card.js';

const base: WelcomeCardModel = { displayName: 'Anna Schmidt', tabUrl: 'https://chorus.example/tab/?page=share', isNewHire: false };
const newHire: WelcomeCardModel = { ...base, isNewHire: true, onboardingUrl: 'https://chorus.example/tab/?page=onboarding' };

describe('welcome card', () => {
  for (const locale of LOCALES) {
    for (const [variant, vm] of [['regular', base], ['new hire', newHire]] as const) {
      it(`parses and renders cleanly in ${locale} (${variant})`, () => {
        expect(cardProblems(welcomeCard(vm, locale), welcomeTexts[locale], welcomeTexts[other(locale)])).toEqual([]);
      });
    }
  }

  it('says what Chorus is and that taking part is voluntary, in the person’s language', () => {
    expect(renderForTest(welcomeCard(base, 'de')).text).toContain('Mitmachen ist freiwillig');
    expect(renderForTest(welcomeCard(base, 'en')).text).toContain('Taking part is voluntary');
    expect(renderForTest(welcomeCard(base, 'en')).text).toContain('Anna Schmidt');
  });

  it('opens the tab and the settings', () => {
    const card = welcomeCard(base, 'en');
    expect(openUrlActions(card)).toEqual([{ title: 'Open Chorus', url: base.tabUrl }]);
    expect(card.actions).toContainEqual(expect.objectContaining({ type: 'Action.Execute', verb: VERBS.settingsOpen, title: 'Settings' }));
    expect(welcomeCard(base, 'de').actions).toContainEqual(expect.objectContaining({ verb: VERBS.settingsOpen, title: 'Einstellungen' }));
  });

  it('points new hires to onboarding only when there is an onboarding link', () => {
    expect(openUrlActions(welcomeCard(newHire, 'de')).map((a) => a.url)).toContain(newHire.onboardingUrl);
    expect(renderForTest(welcomeCard(newHire, 'de')).text).toContain('Neu dabei?');
    const withoutLink = welcomeCard({ ...base, isNewHire: true }, 'en');
    expect(openUrlActions(withoutLink)).toHaveLength(1);
    expect(renderForTest(withoutLink).text).not.toContain('New here?');
    expect(openUrlActions(welcomeCard({ ...newHire, isNewHire: false }, 'en'))).toHaveLength(1);
  });

  it('shows a display name literally, without Markdown or HTML', () => {
    const card = welcomeCard({ ...base, displayName: '[Admin](https://evil.example) **Boss** <script>x</script>' }, 'en');
    const result = renderForTest(card);
    expect(result.warnings).toEqual([]);
    expect(result.links).toEqual([]);
    expect(result.text).toContain('[Admin](https://evil.example) **Boss** <script>x</script>');
    expect(result.html).not.toContain('<script>');
  });
});
