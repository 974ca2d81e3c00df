// The opt-in leaderboard: Aylin has shared (so she has points) but is not on the board. She
// opens Leaderboard, reads who sees what, cannot pose as Jonas, opts in as "Night Owl" and
// appears in the top 10 marked as herself; Clara (admin) sees the same row — a pseudonym, points, no more. Aylin
// opts out and vanishes from every period at once. Her ledger says why she has her points.
// On a 320 px phone, in German, the board fits without scrolling sideways.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { peopleRepo } from '../../bot/src/storage/repos/people.js';
import { anItem, aShare } from '../support/factories.js';
import { browserSuite, eventually, extraSandbox, openTabAs } from './helpers.js';

const suite = browserSuite({ viewport: { width: 1100, height: 900 } });
const clara = extraSandbox(suite, { viewport: { width: 1100, height: 900 } });
const phone = extraSandbox(suite, { viewport: { width: 320, height: 700 } });

const main = (page: Page) => page.getByRole('main');
const top = (page: Page) => main(page).getByRole('table', { name: 'Top 10' });

describe('leaderboard', () => {
  it('Aylin opts in under a pseudonym and appears on the board; out again, she vanishes', async () => {
    const aylin = (await peopleRepo(suite.server.db).byDevKey('aylin'))!;
    const item = await anItem(suite.server.db, { title: 'Night shift at the lab' });
    await aShare(suite.server.db, { item, person: aylin, network: 'linkedin' });
    // The points processor (every second) turns the share into points.
    await eventually(
      () => suite.server.db.query<{ n: number }>('select count(*)::int as n from points_ledger where person_id = $1', [aylin.id]),
      (rows) => (rows[0]?.n ?? 0) > 0,
    );

    const { page } = suite.box;
    await openTabAs(suite.server, page, '?page=share', 'Aylin Demir', 'English');
    await page.getByRole('navigation').getByRole('tab', { name: 'Leaderboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leaderboard' }).waitFor();
    await main(page).getByText('You are not on the board.').waitFor();
    await main(page).getByText(/admins included/).waitFor();
    // Her ledger says why she has her points.
    await main(page).getByText('Shared “Night shift at the lab” on LinkedIn').waitFor();

    await main(page).getByRole('switch', { name: 'Show me on the leaderboard' }).check();
    // A colleague's name, even written differently, is not a pseudonym: the field says why.
    await main(page).getByRole('textbox', { name: /^Pseudonym/ }).fill('jonas_weber');
    await main(page).getByRole('button', { name: 'Save', exact: true }).click();
    await main(page).getByText(/the name of someone else/).waitFor();
    await main(page).getByRole('textbox', { name: /^Pseudonym/ }).fill('Night Owl');
    await main(page).getByRole('button', { name: 'Save', exact: true }).click();
    await top(page).getByRole('row', { name: /Night Owl \(you\)/ }).waitFor();
    await main(page).getByText(/^You are number \d+ with \d+ points\.$/).waitFor();

    // Clara, an admin, sees the same board: the pseudonym and the points, nothing more.
    await openTabAs(suite.server, clara.box.page, '?page=leaderboard', 'Clara Schmidt', 'English');
    await top(clara.box.page).getByRole('row', { name: /Night Owl/ }).waitFor();
    expect(await top(clara.box.page).getByText('Aylin Demir').count()).toBe(0);

    await main(page).getByRole('switch', { name: 'Show me on the leaderboard' }).uncheck();
    await main(page).getByRole('button', { name: 'Save', exact: true }).click();
    await main(page).getByText('You are not on the board.').waitFor();
    for (const period of ['This week', 'This month', 'All time']) {
      await main(page).getByRole('radio', { name: period }).check();
      await eventually(
        async () => (await main(page).getByText('Night Owl').count()) === 0 && (await main(page).getByRole('radio', { name: period }).isChecked()),
        (ok) => ok,
      );
    }
    await clara.box.page.reload();
    await main(clara.box.page).getByRole('heading', { level: 1, name: 'Leaderboard' }).waitFor();
    await top(clara.box.page).waitFor();
    expect(await main(clara.box.page).getByText('Night Owl').count()).toBe(0);
  });

  it('fits a 320 px screen in German, with Jonas on the board under his name', async () => {
    const { page } = phone.box;
    await openTabAs(suite.server, page, '?page=leaderboard', 'Mia Fischer', 'Deutsch');
    await page.getByRole('heading', { level: 1, name: 'Bestenliste' }).waitFor();
    await top(page).getByRole('row', { name: /Jonas Weber/ }).waitFor();
    await main(page).getByText('Sie stehen nicht auf der Liste.').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
  });
});
