import { describe, expect, it } from 'vitest';
import { chorusKinds } from './registry.js';

describe('who receives an announcement', () => {
  it.each([
    ['every', false, 'item', true],
    ['every', false, 'digest', false],
    ['digest', false, 'item', false],
    ['digest', false, 'digest', true],
    ['none', false, 'item', false],
    ['none', false, 'digest', false],
    ['every', true, 'item', false],
    ['digest', true, 'digest', false],
    // the crisis notice and the all-clear: everybody who did not say "stop"
    ['none', false, 'crisis_notice', true],
    ['digest', false, 'crisis_notice', true],
    ['every', true, 'crisis_notice', false],
    ['none', false, 'all_clear', true],
    ['every', true, 'all_clear', false],
    // card updates change cards people have; nothing new arrives, so "stop" does not apply
    ['none', true, 'card_update', true],
    // trainings are announced like items; news about one's own registration like the crisis card
    ['every', false, 'training', true],
    ['digest', false, 'training', false],
    ['none', false, 'training_notice', true],
    ['every', true, 'training_notice', false],
    // the onboarding reminder: never for people who turned notifications off
    ['digest', false, 'onboarding_reminder', true],
    ['none', false, 'onboarding_reminder', false],
    ['every', true, 'onboarding_reminder', false],
  ] as const)('level %s, paused %s: %s → %s', (notificationLevel, paused, subject, expected) => {
    expect(chorusKinds.get(subject)?.wants.test({ notificationLevel, paused })).toBe(expected);
  });
});
