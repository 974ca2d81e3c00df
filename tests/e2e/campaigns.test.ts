// A campaign's progress bar moves when Jonas shares a covered item and when a reader
// clicks his link (issue 12, point 6): on the Share page's campaign banner and on the card.
import { describe, expect, it } from 'vitest';
import { READER } from '../support/http.js';
import { browserSuite, eventually, openTabAs } from './helpers.js';

const suite = browserSuite();
const JOB = 'Werkstudent:in Marketing (m/w/d) in Hamburg';

describe('campaign progress in the tab', () => {
  it('moves after a share and after a click', async () => {
    const { server } = suite;
    const { page } = suite.box;
    const jonas = server.as('jonas');
    const feed = await fetch(`${server.url}/api/v1/items?q=Werkstudent`, { headers: jonas });
    const itemId = ((await feed.json()) as { items: Array<{ id: string }> }).items[0]!.id;
    const campaignOf = async (metric: 'shares' | 'clicks', name: string) => {
      const res = await fetch(`${server.url}/api/v1/admin/campaigns`, {
        method: 'POST',
        headers: { ...server.as('clara'), 'content-type': 'application/json' },
        body: JSON.stringify({
          name,
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          itemIds: [itemId],
          goal: { metric, target: 4 },
          prize: 'Frühstück mit der Geschäftsführung',
        }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const sharesId = await campaignOf('shares', 'Azubi-Woche: Teilen');
    const clicksId = await campaignOf('clicks', 'Azubi-Woche: Klicks');

    await openTabAs(server, page, '?page=share', 'Jonas Weber');
    const bar = (id: string) => page.locator(`[data-campaign="${id}"] [role="progressbar"]`).first();
    const progress = async (id: string) => {
      await page.reload();
      await bar(id).waitFor();
      return bar(id).getAttribute('aria-valuetext');
    };
    await page.getByRole('region', { name: 'Laufende Kampagnen' }).waitFor();
    expect(await bar(sharesId).getAttribute('aria-valuetext')).toBe('0 von 4 geteilten Beiträgen');
    expect(await bar(clicksId).getAttribute('aria-valuetext')).toBe('0 von 4 Klicks');
    // The card of the covered item shows its campaign's bar too.
    await page.getByRole('article', { name: JOB }).getByRole('progressbar').waitFor();

    // Jonas shares the item on X through his share page.
    const link = await fetch(`${server.url}/api/v1/items/${itemId}/share-link`, { method: 'POST', headers: jonas });
    const shareUrl = ((await link.json()) as { url: string }).url;
    const posted = await fetch(shareUrl, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ network: 'x', text: 'Kommt zu uns!' }) });
    const trackedLink = ((await posted.json()) as { link: string }).link;
    expect(await progress(sharesId)).toBe('1 von 4 geteilten Beiträgen');

    // A reader follows his link: the clicks campaign moves once the click is stored.
    expect((await fetch(trackedLink, { redirect: 'manual', headers: READER })).status).toBe(302);
    expect(await eventually(() => progress(clicksId), (v) => v === '1 von 4 Klicks')).toBe('1 von 4 Klicks');
    const width = await page.locator(`[data-campaign="${clicksId}"] [role="progressbar"]`).first().getAttribute('aria-valuenow');
    expect(Number(width)).toBeGreaterThan(0);
  });
});
