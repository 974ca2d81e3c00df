import { describe, expect, it } from 'vitest';
import { composeShare, isEdited, suggestedPost } from '../sharing/compose-share.js';
import { containsDisclosure, disclosureApplies, enforceDisclosure, withDisclosure } from './disclosure.js';

const TAG = '#WorkingAtContoso';

describe('disclosure', () => {
  it('applies only with a text and something at stake: points or a running campaign with a prize', () => {
    expect(disclosureApplies({ text: TAG }, { pointsOn: false, prizeCampaignRunning: false })).toBe(false);
    expect(disclosureApplies({ text: TAG }, { pointsOn: true, prizeCampaignRunning: false })).toBe(true);
    expect(disclosureApplies({ text: TAG }, { pointsOn: false, prizeCampaignRunning: true })).toBe(true);
    expect(disclosureApplies({ text: '  ' }, { pointsOn: true, prizeCampaignRunning: true })).toBe(false);
  });

  it('is added at the end of a suggestion, once', () => {
    expect(withDisclosure('Great article.', TAG)).toBe(`Great article.\n\n${TAG}`);
    expect(withDisclosure('', TAG)).toBe(TAG);
    expect(withDisclosure(withDisclosure('Great article.', TAG), TAG)).toBe(`Great article.\n\n${TAG}`);
  });

  it('is not duplicated when already there, in any case or position', () => {
    expect(withDisclosure(`I ${TAG.toLowerCase()} love this`, TAG)).toBe(`I ${TAG.toLowerCase()} love this`);
    expect(containsDisclosure(`#workingatcontoso!`, TAG)).toBe(true);
    // Inside a longer tag is not the disclosure.
    expect(containsDisclosure('#WorkingAtContosoLabs', TAG)).toBe(false);
    expect(containsDisclosure('Ad: I work at Contoso', 'I work at Contoso')).toBe(true);
    expect(containsDisclosure('I work at Contosoville', 'I work at Contoso')).toBe(false);
  });

  it('stays in the post only when people may not remove it', () => {
    expect(enforceDisclosure('My words', { text: TAG, removable: true })).toBe('My words');
    expect(enforceDisclosure('My words', { text: TAG, removable: false })).toBe(`My words\n\n${TAG}`);
    expect(enforceDisclosure('My words', null)).toBe('My words');
  });

  it('is part of the suggested post and of what the share flow posts', () => {
    const posts = { linkedin: 'Have a look.', x: 'Look' };
    const kept = { text: TAG, removable: false };
    expect(suggestedPost(posts, 'linkedin', kept)).toBe(`Have a look.\n\n${TAG}`);
    // The suggestion with the disclosure, unchanged, is not an edit.
    expect(isEdited(posts, 'linkedin', `Have a look.\n\n${TAG}`, kept)).toBe(false);
    const x = composeShare({ posts, hashtags: [] }, 'x', 'Removed it', 'https://chorus.example/l/abc', kept);
    expect(new URL(x.target).searchParams.get('text')).toBe(`Removed it\n\n${TAG}`);
    const linkedin = composeShare({ posts, hashtags: ['jobs'] }, 'linkedin', 'Removed it', 'https://chorus.example/l/abc', kept);
    expect(linkedin.clipboard).toBe(`Removed it\n\n${TAG}\n\n#jobs`);
    const allowed = composeShare({ posts, hashtags: [] }, 'linkedin', 'Removed it', 'https://chorus.example/l/abc', { text: TAG, removable: true });
    expect(allowed.clipboard).toBe('Removed it');
  });
});
