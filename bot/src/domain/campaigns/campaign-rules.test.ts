import { describe, expect, it } from 'vitest';
import { campaignInputSchema } from '../model/campaigns.js';
import { campaignStatus, covers, progressPercent } from './campaign-rules.js';

const valid = {
  name: 'Spring hiring',
  startsAt: '2026-03-01T08:00:00Z',
  endsAt: '2026-03-31T18:00:00Z',
  topic: 'jobs',
  goal: { metric: 'shares', target: 50 },
};
const issues = (input: unknown) => {
  const r = campaignInputSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('campaign input', () => {
  it('takes a name, a window, items or a topic, a goal and an optional prize', () => {
    const parsed = campaignInputSchema.parse({ ...valid, prize: 'Breakfast with the board' });
    expect(parsed).toMatchObject({ description: '', itemIds: [], topic: 'jobs', prize: 'Breakfast with the board' });
  });

  it('refuses a campaign that ends before (or when) it starts, naming endsAt', () => {
    expect(issues({ ...valid, endsAt: valid.startsAt })).toEqual({ endsAt: 'campaign.endsBeforeStart' });
    expect(issues({ ...valid, endsAt: '2026-02-01T08:00:00Z' })).toEqual({ endsAt: 'campaign.endsBeforeStart' });
  });

  it('refuses goals of 0 or less, fractions and unknown metrics', () => {
    expect(issues({ ...valid, goal: { metric: 'shares', target: 0 } })).toEqual({ 'goal.target': 'campaign.goalPositive' });
    expect(issues({ ...valid, goal: { metric: 'shares', target: -5 } })).toEqual({ 'goal.target': 'campaign.goalPositive' });
    expect(issues({ ...valid, goal: { metric: 'shares', target: 1.5 } })).toEqual({ 'goal.target': 'field.wholeNumber' });
    expect(Object.keys(issues({ ...valid, goal: { metric: 'likes', target: 5 } }))).toEqual(['goal.metric']);
  });

  it('needs items or a topic, not both; a name of 1–80 characters on one line; a prize of at most 200', () => {
    expect(issues({ ...valid, topic: null })).toEqual({ itemIds: 'campaign.itemsOrTopic' });
    expect(issues({ ...valid, itemIds: ['5b1c0f3e-9a43-4c55-9d2a-0c9e2d1f4a11'] })).toEqual({ topic: 'campaign.notBoth' });
    expect(issues({ ...valid, name: '  ' })).toEqual({ name: 'field.required' });
    expect(issues({ ...valid, name: 'x'.repeat(81) })).toEqual({ name: 'field.maxChars' });
    expect(issues({ ...valid, name: 'two\nlines' })).toEqual({ name: 'field.oneLine' });
    expect(issues({ ...valid, prize: 'p'.repeat(201) })).toEqual({ prize: 'field.maxChars' });
    expect(issues({ ...valid, startsAt: 'tomorrow' })).toEqual({ startsAt: 'field.isoDateTime' });
    expect(issues({ ...valid, startsAt: '2026-02-30T08:00:00Z' })).toEqual({ startsAt: 'field.isoDateTime' });
    expect(issues({ ...valid, startsAt: '0000-01-01T00:00:00Z' })).toEqual({ startsAt: 'field.isoDateTime' });
  });
});

describe('campaign rules', () => {
  const c = { startsAt: new Date('2026-03-01T00:00:00Z'), endsAt: new Date('2026-04-01T00:00:00Z') };
  it('is scheduled, running, then ended (the end itself is over)', () => {
    expect(campaignStatus(c, new Date('2026-02-28T23:59:59Z'))).toBe('scheduled');
    expect(campaignStatus(c, c.startsAt)).toBe('running');
    expect(campaignStatus(c, c.endsAt)).toBe('ended');
  });

  it('shows progress as a whole percentage, at most 100', () => {
    expect(progressPercent(0, 50)).toBe(0);
    expect(progressPercent(12, 50)).toBe(24);
    expect(progressPercent(49, 50)).toBe(98);
    expect(progressPercent(80, 50)).toBe(100);
  });

  it('covers its items, or the items with its topic', () => {
    const item = { id: 'A1', topics: ['jobs'] };
    expect(covers({ itemIds: ['a1'], topic: null }, item)).toBe(true);
    expect(covers({ itemIds: ['b2'], topic: null }, item)).toBe(false);
    expect(covers({ itemIds: [], topic: 'jobs' }, item)).toBe(true);
    expect(covers({ itemIds: [], topic: 'culture' }, item)).toBe(false);
  });
});
