import { describe, expect, it } from 'vitest';
import { wantsAnnouncement } from './recipients.js';

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
  ] as const)('level %s, paused %s: %s → %s', (notificationLevel, paused, subject, expected) => {
    expect(wantsAnnouncement({ notificationLevel, paused }, subject)).toBe(expected);
  });
});
