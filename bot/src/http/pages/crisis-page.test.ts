import { describe, expect, it } from 'vitest';
import type { VersionedCrisisState } from '../../storage/repos/crisis.js';
import { crisisInstructions, crisisPage } from './crisis-page.js';

const state = (over: Partial<VersionedCrisisState> = {}): VersionedCrisisState => ({
  active: true,
  version: 3,
  reason: 'internal',
  instructions: { de: 'Bitte **nichts** teilen.', en: 'Please share **nothing**.' },
  statementUrl: 'https://example.com/statement?a=1&b=2',
  spokesperson: 'Press <office>',
  notifyEveryone: false,
  redirectLinks: false,
  startedAt: '2026-11-22T10:00:00.000Z',
  endedAt: null,
  refusedShares: 0,
  ...over,
});

describe('crisis instructions', () => {
  it('come in the reader’s language, or in the other one when only that was written', () => {
    expect(crisisInstructions(state(), 'de')).toBe('Bitte **nichts** teilen.');
    expect(crisisInstructions(state(), 'en')).toBe('Please share **nothing**.');
    expect(crisisInstructions(state({ instructions: { de: '', en: 'Only English' } }), 'de')).toBe('Only English');
    expect(crisisInstructions(state({ instructions: { de: 'Nur Deutsch', en: '' } }), 'en')).toBe('Nur Deutsch');
  });
});

describe('the refusal page', () => {
  it('shows the instructions, the spokesperson and the statement, escaped', () => {
    const page = crisisPage(state(), 'en');
    expect(page).toContain('Sharing is paused');
    expect(page).toContain('<strong>nothing</strong>');
    expect(page).toContain('Press &lt;office&gt;');
    expect(page).toContain('href="https://example.com/statement?a=1&amp;b=2"');
    expect(crisisPage(state(), 'de')).toContain('Teilen ist pausiert');
  });

  it('leaves out the statement and the spokesperson when there are none', () => {
    const page = crisisPage(state({ statementUrl: null, spokesperson: null }), 'en');
    expect(page).not.toContain('official statement');
    expect(page).not.toContain('Questions from outside');
  });
});
