import { describe, expect, it } from 'vitest';
import { deliveryHarness } from '../support/delivery-harness.js';
import { eventually } from '../support/eventually.js';
import { api } from '../support/http.js';

// Crisis mode holds announcements: nothing ordinary goes out while it is on, nothing is
// lost, and everything resumes when it ends (issue 4).
const h = deliveryHarness();
const { group, publishedItem, announce, announcement, settled, cardsTo, admin } = h;

const ON = { reason: 'Recall', instructions: { de: 'Bitte nichts teilen.', en: 'Please share nothing.' } };
const crisisOn = async () => expect((await api(h.s.url, 'POST', '/api/v1/admin/crisis', { headers: admin(), body: ON })).status).toBe(201);
const crisisOff = async () => expect((await api(h.s.url, 'POST', '/api/v1/admin/crisis/off', { headers: admin(), body: {} })).status).toBe(200);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('announcements in crisis mode', () => {
  it('an announcement made during the crisis waits, and goes out once it ends', async () => {
    const people = await group(20);
    await crisisOn();
    try {
      const res = await announce(await publishedItem());
      expect(res.status).toBe(201);
      await pause(600);
      expect((await announcement(res.body.id)).status).toBe('scheduled');
      expect(h.connector.received).toHaveLength(0);
    } finally {
      await crisisOff();
    }
    await eventually(async () => h.connector.received.length, (n) => n === 20, 5_000);
    for (const p of people) expect(cardsTo(p)).toHaveLength(1);
  });

  it('a send under way stops when the crisis starts, keeps the rest pending, and resumes after', async () => {
    const people = await group(150); // 3 s at 50/s
    const res = await announce(await publishedItem());
    await eventually(async () => h.connector.received.length, (n) => n >= 20, 5_000, 5);
    await crisisOn();
    let held: { counts: { pending: number; sent: number } };
    try {
      // What was on its way lands: wait until the worker holds no card of this announcement
      // in hand and every send it made is recorded (not a fixed pause: a busy machine is slower).
      const inHand = async () =>
        (await h.s.db.query<{ n: number }>('select count(*)::int as n from deliveries where announcement_id = $1 and claimed_at is not null', [res.body.id]))[0]!.n;
      await eventually(
        async () => ({ inHand: await inHand(), received: h.connector.received.length, sent: (await announcement(res.body.id)).counts.sent }),
        (v) => v.inHand === 0 && v.sent === v.received,
        15_000,
      );
      const atHold = h.connector.received.length;
      await pause(800);
      expect(h.connector.received.length).toBe(atHold); // nothing more while held
      held = await announcement(res.body.id);
      expect(held.counts.pending).toBeGreaterThan(0);
      expect(held.counts.sent).toBe(atHold);
    } finally {
      await crisisOff();
    }
    const done = await settled(res.body.id);
    expect(done.counts).toMatchObject({ total: 150, sent: 150, pending: 0 });
    for (const p of people) expect(cardsTo(p)).toHaveLength(1);
  });
});
