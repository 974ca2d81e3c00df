import { afterEach, describe, expect, it } from 'vitest';
import { deliveryHarness } from '../support/delivery-harness.js';

// Delivery against Teams' limits and faults (the fake Bot Connector's).
const h = deliveryHarness();
const { group, publishedItem, announce, settled, cardsTo, dispatched } = h;

describe('delivery against Teams limits and faults', () => {
  afterEach(() => {
    h.connector.setFaultRate(0);
  });

  it('retries 5xx and 412 until the card arrives, once', async () => {
    const people = await group(6);
    h.connector.failNext(1, 503).failNext(1, 412).failNext(1, 502);
    const res = await announce(await publishedItem());
    const done = await settled(res.body.id);
    expect(done.counts.sent).toBe(6);
    for (const p of people) expect(cardsTo(p)).toHaveLength(1);
    expect(h.connector.stats().byStatus).toMatchObject({ 503: 1, 412: 1, 502: 1 });
  });

  it('marks blocked and gone chats, skips them, and never writes there again', async () => {
    const [ok, blockedP, goneP] = await group(3);
    h.connector.block(blockedP!.conversationId).gone(goneP!.conversationId);
    const res = await announce(await publishedItem());
    const done = await settled(res.body.id);
    expect(done.counts).toMatchObject({ sent: 1, skipped: 2 });
    expect(done.reasons).toEqual({ blocked: 1, gone: 1 });
    const statuses = await h.s.db.query<{ id: string; status: string }>('select id, status from conversations where id = any($1)', [
      [ok!.conversationId, blockedP!.conversationId, goneP!.conversationId],
    ]);
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [ok!.conversationId]: 'active',
      [blockedP!.conversationId]: 'blocked',
      [goneP!.conversationId]: 'gone',
    });
    const requestsBefore = h.connector.stats().requests;
    const next = await announce(await publishedItem());
    await settled(next.body.id);
    expect(h.connector.stats().requests - requestsBefore).toBe(1); // only the working chat
  });

  it('gives up after the bounded number of tries, and says why', async () => {
    const [p] = await group(1);
    h.connector.failNext(4, 500);
    const res = await announce(await publishedItem());
    const done = await settled(res.body.id);
    expect(done.counts).toMatchObject({ failed: 1, sent: 0 });
    expect(done.reasons).toEqual({ '500 after 4 tries': 1 });
    expect(cardsTo(p!)).toHaveLength(0);
  });

  it('on a 429 the whole tenant waits for Retry-After, not only the request that got it', async () => {
    const people = await group(30);
    h.connector.failNext(1, 429, 1_000);
    const res = await announce(await publishedItem());
    const done = await settled(res.body.id);
    expect(done.counts.sent).toBe(30);
    // The very first request got the 429. Only sends already on their way can leave before
    // its answer is read; then nothing goes out for the Retry-After second, though the
    // other cards were ready (without the tenant-wide wait they would follow 20 ms apart).
    const gaps = dispatched.slice(1).map((t, i) => t - dispatched[i]!);
    const pause = gaps.findIndex((g) => g >= 990);
    expect(pause).toBeGreaterThanOrEqual(0);
    expect(pause + 1).toBeLessThanOrEqual(32); // in flight at most: the worker's concurrency
    expect(gaps.filter((g) => g >= 990)).toHaveLength(1);
    expect(h.connector.stats().byStatus[429]).toBe(1);
    for (const p of people) expect(cardsTo(p)).toHaveLength(1);
  });

  it('paces a fan-out under the tenant limit instead of bouncing off it', async () => {
    const people = await group(120);
    h.connector.setFaultRate(0.03, 7);
    const res = await announce(await publishedItem());
    const done = await settled(res.body.id, 20_000);
    expect(done.counts.sent).toBe(120);
    // Paced, not bouncing off the limit: the worker never hands more than 49 requests to
    // the network in any second (one of margin below Teams' 50, retries included). What
    // the fake sees here is blurred, because it shares one event loop with the server
    // and PGlite; `npm run bench` counts 429s with the connector in its own process.
    let most = 0;
    for (let end = 0, start = 0; end < dispatched.length; end++) {
      while (dispatched[end]! - dispatched[start]! >= 1000) start++;
      most = Math.max(most, end - start + 1);
    }
    expect(dispatched.length).toBe(h.connector.stats().requests);
    expect(most).toBeLessThanOrEqual(49);
    for (const p of people) expect(cardsTo(p)).toHaveLength(1);
    expect(done.throughput).toBeGreaterThan(0);
  });
});
