import { describe, expect, it } from 'vitest';
import { tabLinks } from './tab-links.js';

describe('links to tab pages', () => {
  it('are web addresses without a Teams app id', () => {
    expect(tabLinks('https://chorus.example', undefined)('trainings')).toBe('https://chorus.example/tab/?page=trainings');
  });

  it('are Teams deep links to the static tab, with the page as sub-entity, when the app id is known', () => {
    const link = tabLinks('https://chorus.example', '00000000-0000-0000-0000-000000000011');
    const trainings = new URL(link('trainings'));
    expect(trainings.origin + trainings.pathname).toBe('https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000011/trainings');
    expect(JSON.parse(trainings.searchParams.get('context') as string)).toEqual({ subEntityId: 'trainings' });
    // Not a static tab: opens in Share, which then goes to the page.
    const crisis = new URL(link('crisis'));
    expect(crisis.pathname).toBe('/l/entity/00000000-0000-0000-0000-000000000011/share');
    expect(JSON.parse(crisis.searchParams.get('context') as string)).toEqual({ subEntityId: 'crisis' });
  });
});
