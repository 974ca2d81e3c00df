import { describe, expect, it } from 'vitest';
import { helpCard, helpTexts } from './help-card.js';
import { cardProblems, openUrlActions, renderForTest } from './render-for-test.js';

const vm = { tabUrl: 'https://chorus.example/tab/?page=share' };

describe('help card', () => {
  it('parses and renders cleanly in both languages', () => {
    expect(cardProblems(helpCard(vm, 'de'), helpTexts.de, helpTexts.en)).toEqual([]);
    expect(cardProblems(helpCard(vm, 'en'), helpTexts.en, helpTexts.de)).toEqual([]);
  });

  it('lists the commands in the chosen language, each with an explanation', () => {
    const de = helpCard(vm, 'de').body.find((e) => e.type === 'FactSet');
    const en = helpCard(vm, 'en').body.find((e) => e.type === 'FactSet');
    expect(de?.facts.map((f) => f.title)).toEqual(['hilfe', 'neu', 'einstellungen', 'stop', 'start']);
    expect(en?.facts.map((f) => f.title)).toEqual(['help', 'latest', 'settings', 'stop', 'start']);
    for (const fact of [...(de?.facts ?? []), ...(en?.facts ?? [])]) expect(fact.value.length).toBeGreaterThan(10);
  });

  it('says typos are fine and links to the tab', () => {
    expect(renderForTest(helpCard(vm, 'de')).text).toContain('Tippfehler');
    expect(renderForTest(helpCard(vm, 'en')).text).toContain('typos are fine');
    expect(openUrlActions(helpCard(vm, 'en'))).toEqual([{ title: 'Open Chorus', url: vm.tabUrl }]);
  });
});
