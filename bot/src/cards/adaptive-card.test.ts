import { describe, expect, it } from 'vitest';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { execute, plain, run, text } from './card-parts.js';
import { renderForTest } from './render-for-test.js';
import { isVerb, VERBS } from './verbs.js';

describe('adaptive card types', () => {
  it('reject wrong elements, properties and verbs at compile time', () => {
    const wrong: CardElement[] = [
      // @ts-expect-error not an element we know
      { type: 'Media', sources: [] },
      // @ts-expect-error TextBlock has no `url`
      { type: 'TextBlock', text: 'x', url: 'https://example.com' },
      // @ts-expect-error sizes are camelCase schema values
      { type: 'TextBlock', text: 'x', size: 'huge' },
      // @ts-expect-error a required input needs an error message
      { type: 'Input.ChoiceSet', id: 'a', label: 'A', choices: [], isRequired: true },
      // @ts-expect-error images need alt text
      { type: 'Image', url: 'https://example.com/a.png' },
    ];
    // @ts-expect-error only our verbs
    const action = execute('item.delete', 'Delete');
    // @ts-expect-error cards are 1.5
    const card: AdaptiveCard = { ...adaptiveCard({ body: [] }), version: '1.6' };
    expect([wrong.length, action.type, card.type]).toEqual([5, 'Action.Execute', 'AdaptiveCard']);
  });

  it('give every Action.Execute an Action.Submit fallback that carries the verb', () => {
    expect(execute(VERBS.itemNotForMe, 'Not for me', { itemId: 'i1' })).toEqual({
      type: 'Action.Execute',
      verb: 'item.notForMe',
      title: 'Not for me',
      data: { itemId: 'i1' },
      fallback: { type: 'Action.Submit', title: 'Not for me', data: { itemId: 'i1', verb: 'item.notForMe' } },
    });
    expect(isVerb('settings.save')).toBe(true);
    expect(isVerb('settings.delete')).toBe(false);
  });
});

describe('the test renderer', () => {
  it('turns Markdown in a TextBlock into a link, as Teams does, but not in a TextRun', () => {
    const md = '[Open](https://example.com/x)';
    const result = renderForTest(adaptiveCard({ body: [text(md), plain(run(md))] }));
    expect(result.warnings).toEqual([]);
    expect(result.links).toEqual(['https://example.com/x']);
    expect(result.text).toContain(md);
  });

  it('reports what the renderer finds wrong', () => {
    const bad = { ...adaptiveCard({ body: [] }), body: [{ type: 'Bogus' }] } as unknown as AdaptiveCard;
    expect(renderForTest(bad).warnings).toEqual([expect.stringContaining('Unknown element type "Bogus"')]);
  });
});
