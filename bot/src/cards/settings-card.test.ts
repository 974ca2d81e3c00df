import { describe, expect, it } from 'vitest';
import type { ChoiceSetInput } from './adaptive-card.js';
import type { Locale } from './locale.js';
import { LOCALES } from './models-for-test.js';
import { cardProblems, renderForTest } from './render-for-test.js';
import { settingsCard, settingsTexts, type SettingsCardModel } from './settings-card.js';
import { VERBS } from './verbs.js';

const base: SettingsCardModel = { notificationLevel: 'digest', language: 'de', paused: false };
const VARIANTS: Array<[string, SettingsCardModel]> = [
  ['plain', base],
  ['paused', { ...base, paused: true }],
  ['saved', { ...base, saved: true }],
  ['paused and saved', { ...base, notificationLevel: 'none', language: 'en', paused: true, saved: true }],
];

const inputs = (vm: SettingsCardModel, locale: Locale) =>
  settingsCard(vm, locale).body.filter((e): e is ChoiceSetInput => e.type === 'Input.ChoiceSet');

describe('settings card', () => {
  for (const locale of LOCALES) {
    for (const [variant, vm] of VARIANTS) {
      it(`parses and renders cleanly in ${locale} (${variant})`, () => {
        expect(cardProblems(settingsCard(vm, locale), settingsTexts[locale], settingsTexts[locale === 'de' ? 'en' : 'de'])).toEqual([]);
      });
    }
  }

  it('offers notification level and language, preset to the current choice', () => {
    const [level, language] = inputs(base, 'en');
    expect(level).toMatchObject({ id: 'notificationLevel', value: 'digest' });
    expect(level?.choices).toEqual([
      { title: 'Every new item', value: 'every' },
      { title: 'Weekly digest', value: 'digest' },
      { title: 'Nothing', value: 'none' },
    ]);
    expect(language).toMatchObject({ id: 'language', value: 'de' });
    expect(language?.choices.map((c) => c.title)).toEqual(['Deutsch', 'English']);
    expect(inputs(base, 'de')[0]?.choices.map((c) => c.title)).toEqual(['Bei jedem neuen Inhalt', 'Wöchentliche Übersicht', 'Gar nicht']);
  });

  it('saves with settings.save', () => {
    expect(settingsCard(base, 'de').actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: VERBS.settingsSave, title: 'Speichern' })]);
  });

  it('says when announcements are paused and how to resume', () => {
    expect(renderForTest(settingsCard({ ...base, paused: true }, 'en')).text).toContain('Type “start” to resume');
    expect(renderForTest(settingsCard({ ...base, paused: true }, 'de')).text).toContain('Schreiben Sie „start“');
    expect(renderForTest(settingsCard(base, 'en')).text).not.toContain('paused');
  });

  it('confirms a save at the top', () => {
    const card = settingsCard({ ...base, saved: true }, 'de');
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Gespeichert ✓' });
    expect(renderForTest(settingsCard(base, 'de')).text).not.toContain('Gespeichert');
  });
});
