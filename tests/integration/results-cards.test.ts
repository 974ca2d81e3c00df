import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { renderForTest } from '../../bot/src/cards/render-for-test.js';
import { dueResultsRun } from '../../bot/src/domain/results/results-schedule.js';
import { chorusJobs, planResults } from '../../bot/src/jobs/planners.js';
import { deliveryHarness } from '../support/delivery-harness.js';
import { eventually } from '../support/eventually.js';
import { api } from '../support/http.js';
import type { ReachablePerson } from '../support/reachable.js';

// The personal results card (issue 12, point 3): planned on its schedule, sent through the
// one delivery engine to the people who shared in the round's days, each with their own
// numbers — and to nobody who turned it off, chose nothing, said stop, or during a crisis.
const h = deliveryHarness();
const log = pino({ level: 'silent' });
// Daily at the minute that just began, in UTC: due now, covering yesterday (whole UTC day).
const now = new Date();
const schedule = { cron: `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`, timeZone: 'UTC' };
const round = dueResultsRun(schedule, now)!;
const yesterdayNoon = `${round.from}T12:00:00Z`;

type Card = Record<string, unknown>;
const textOf = (card: Card) => renderForTest(card as never).text;
const results = async () =>
  (await h.s.db.query<{ id: string; status: string }>(`select id, status from announcements where kind = 'results' order by created_at`));

/** A share made yesterday with `clicks` visits yesterday (and some today, which this round does not count). */
async function sharedYesterday(p: ReachablePerson, itemId: string, network: string, clicks: number): Promise<void> {
  const [link] = await h.s.db.query<{ code: string }>(
    `insert into links (code, item_id, person_id, network) values (substr(md5(random()::text), 1, 10), $1, $2, $3) returning code`,
    [itemId, p.id, network],
  );
  await h.s.db.query(`insert into shares (item_id, person_id, network, edited, link_code, created_at) values ($1, $2, $3, false, $4, $5)`, [itemId, p.id, network, link!.code, yesterdayNoon]);
  if (clicks > 0) {
    await h.s.db.query(`insert into clicks (link_code, minute, item_id, network, clicks) values ($1, $2, $3, $4, $5), ($1, now(), $3, $4, 1000)`, [link!.code, `${round.from}T15:00:00Z`, itemId, network, clicks]);
    // Some readers came back: two thirds as many unique readers as visits, that day; many more today.
    await h.s.db.query(`insert into link_readers (link_code, day, item_id, network, readers) values ($1, $2, $3, $4, $5), ($1, $6, $3, $4, 500)`, [link!.code, round.from, itemId, network, Math.ceil((clicks * 2) / 3), round.until]);
  }
}

describe('results cards', () => {
  it('go once per round to each person who shared in it, with their own numbers, in their language', async () => {
    const [ana, ben] = await h.group(2);
    const [dora] = await h.group(1, { language: 'de' });
    const [silent] = await h.group(1, { preferences: { notificationLevel: 'none' } });
    const [stopped] = await h.group(1, { preferences: { notificationLevel: 'every', paused: true } });
    const [optedOut, earlier, digestOnly] = await h.group(3);
    await h.group(2); // shared nothing: no card
    await h.s.db.query('insert into preferences (person_id, results_cards) values ($1, false) on conflict (person_id) do update set results_cards = false', [optedOut!.id]);
    await h.s.db.query(`insert into preferences (person_id, notification_level) values ($1, 'digest')`, [digestOnly!.id]);
    const item = await h.publishedItem({ title: 'Our plant in Leipzig' });
    const other = await h.publishedItem({ title: 'Apprenticeships 2027' });
    await sharedYesterday(ana!, item, 'linkedin', 120);
    await sharedYesterday(ana!, item, 'xing', 22);
    await sharedYesterday(ana!, other, 'x', 0);
    await sharedYesterday(ben!, other, 'linkedin', 0);
    await sharedYesterday(dora!, item, 'linkedin', 7);
    for (const p of [silent!, stopped!, optedOut!, digestOnly!]) await sharedYesterday(p, item, 'linkedin', 3);
    // A share two days ago is not in this round.
    await sharedYesterday(earlier!, item, 'linkedin', 5);
    await h.s.db.query(`update shares set created_at = created_at - interval '1 day' where person_id = $1`, [earlier!.id]);

    await planResults(h.s.db, log, schedule, now);
    await planResults(h.s.db, log, schedule, now); // a second process, a retry: still one round
    const [planned, ...more] = await results();
    expect(more).toHaveLength(0);
    const done = await h.settled(planned!.id);
    expect(done.counts).toMatchObject({ total: 4, sent: 4 });

    const [anaCard, ...anaMore] = h.cardsTo(ana!);
    expect(anaMore).toHaveLength(0);
    const anaText = textOf(anaCard as Card);
    expect(anaText).toContain('Your 3 shares brought 142 visits.');
    expect(anaText).toContain('That is 95 different readers who followed your link.'); // 80 + 15, only the round's day
    expect(anaText).toContain('Read most: Our plant in Leipzig (142 visits)');
    expect(anaText).toContain('LinkedIn: 120 · Xing: 22');
    expect(textOf(h.cardsTo(ben!)[0] as Card)).toContain('Your 1 share brought 0 visits.');
    expect(textOf(h.cardsTo(dora!)[0] as Card)).toContain('Ihr 1 geteilter Beitrag brachte 7 Besuche.');
    // Digest readers get it too: it is not content, and they did not turn it off.
    expect(textOf(h.cardsTo(digestOnly!)[0] as Card)).toContain('Your 1 share brought 3 visits.');
    for (const p of [silent!, stopped!, optedOut!, earlier!]) expect(h.cardsTo(p)).toHaveLength(0);
  });

  it('are not planned while crisis mode is on, and a planned round is dropped when it comes on', async () => {
    const [p] = await h.group(1);
    await sharedYesterday(p!, await h.publishedItem(), 'linkedin', 1);
    const before = (await results()).length;
    const job = chorusJobs({ db: h.s.db, digest: null, results: schedule, held: () => true, onboardingDays: 60 }).find((j) => j.name === 'results-cards')!;
    await job.run({ now, log } as never);
    expect(await results()).toHaveLength(before);

    // A round planned for later (a slow schedule) is cancelled, not held, by the switch.
    const later = { cron: '0 9 1 * *', timeZone: 'UTC' };
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 9));
    await h.s.db.query(`update announcements set once_key = null where kind = 'results'`); // leave room for a second round in this file
    await planResults(h.s.db, log, later, new Date(first.getTime() + 1000));
    const [scheduled] = await h.s.db.query<{ id: string; status: string }>(`select id, status from announcements where kind = 'results' and status = 'scheduled'`);
    expect(scheduled).toBeDefined();
    expect((await h.s.db.query<{ n: number }>(`select count(*)::int as n from announcements where kind = 'results' and status = 'scheduled'`))[0]!.n).toBe(1);
    const on = await api(h.s.url, 'POST', '/api/v1/admin/crisis', { headers: h.admin(), body: { reason: 'Recall', instructions: { en: 'Share nothing.', de: 'Nichts teilen.' } } });
    expect([200, 201]).toContain(on.status);
    try {
      await eventually(async () => (await h.s.db.query<{ status: string }>('select status from announcements where id = $1', [scheduled!.id]))[0]!.status, (s) => s === 'cancelled', 5_000);
    } finally {
      expect((await api(h.s.url, 'POST', '/api/v1/admin/crisis/off', { headers: h.admin(), body: {} })).status).toBe(200);
    }
    expect(h.cardsTo(p!)).toHaveLength(0);
  });
});
