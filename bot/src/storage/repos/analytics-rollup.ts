import type { EventProcessor, StoredEvent } from '../../domain/events/domain-event.js';
import type { Db, Queryable } from '../db.js';

/**
 * The `analytics` event processor: keeps `analytics_daily` (migration 025) — per tenant day,
 * item, network and sharer: shares, clicks, unique readers — as events arrive, so no
 * dashboard request reads raw clicks. Additive upserts, exactly once: the position moves in
 * the same transaction (storage/events/event-log.ts). The day of a click is its minute's
 * day in the tenant's time zone; readers come with their day.
 */
/** The weekday × hour a tracked link was first shared, in the tenant's time ($3). */
const SLOT_OF_LINK = '((extract(isodow from l.created_at at time zone $3)::int - 1) * 24 + extract(hour from l.created_at at time zone $3)::int)';

export function analyticsProcessor(timeZone: string): EventProcessor<Queryable> {
  return {
    name: 'analytics',
    types: ['share.recorded', 'clicks.counted', 'readers.counted', 'conversion.recorded'],
    async handle(events, tx) {
      const shares = events.filter((e): e is Extract<StoredEvent, { type: 'share.recorded' }> => e.type === 'share.recorded');
      const clicks = events.flatMap((e) => (e.type === 'clicks.counted' ? e.payload.counts : []));
      const readers = events.flatMap((e) => (e.type === 'readers.counted' ? e.payload.counts : []));
      const conversions = events.flatMap((e) => (e.type === 'conversion.recorded' ? [e.payload] : []));
      if (shares.length > 0) {
        await tx.query(
          `insert into analytics_daily (day, item_id, network, person_id, slot, shares)
           select (s.at at time zone $5)::date, s.item_id, s.network, s.person_id, ((extract(isodow from s.at at time zone $5)::int - 1) * 24 + extract(hour from s.at at time zone $5)::int), count(*)
           from unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[]) as s(item_id, network, person_id, at)
           where exists (select 1 from items i where i.id = s.item_id) and exists (select 1 from people p where p.id = s.person_id)
           group by 1, 2, 3, 4, 5
           on conflict (day, item_id, network, person_id, slot) do update set shares = analytics_daily.shares + excluded.shares`,
          [shares.map((e) => e.payload.itemId), shares.map((e) => e.payload.network), shares.map((e) => e.payload.personId), shares.map((e) => e.at), timeZone],
        );
      }
      // The link says whose share it was (and its item and network, whatever the event carries).
      if (clicks.length > 0) {
        await tx.query(
          `insert into analytics_daily (day, item_id, network, person_id, slot, clicks)
           select (c.minute at time zone $4)::date, l.item_id, l.network, l.person_id, ((extract(isodow from l.created_at at time zone $4)::int - 1) * 24 + extract(hour from l.created_at at time zone $4)::int), sum(c.clicks)
           from unnest($1::text[], $2::timestamptz[], $3::int[]) as c(code, minute, clicks)
           join links l on l.code = c.code
           group by 1, 2, 3, 4, 5
           on conflict (day, item_id, network, person_id, slot) do update set clicks = analytics_daily.clicks + excluded.clicks`,
          [clicks.map((c) => c.linkCode), clicks.map((c) => c.minute), clicks.map((c) => c.clicks), timeZone],
        );
      }
      if (readers.length > 0) {
        await tx.query(
          `insert into analytics_daily (day, item_id, network, person_id, slot, readers)
           select r.day, l.item_id, l.network, l.person_id, ((extract(isodow from l.created_at at time zone $4)::int - 1) * 24 + extract(hour from l.created_at at time zone $4)::int), sum(r.readers)
           from unnest($1::text[], $2::date[], $3::int[]) as r(code, day, readers)
           join links l on l.code = r.code
           group by 1, 2, 3, 4, 5
           on conflict (day, item_id, network, person_id, slot) do update set readers = analytics_daily.readers + excluded.readers`,
          [readers.map((r) => r.linkCode), readers.map((r) => r.day), readers.map((r) => r.readers), timeZone],
        );
      }
      // A conversion counts on the day it happened, at the link's posting slot.
      if (conversions.length > 0) {
        await tx.query(
          `insert into analytics_daily (day, item_id, network, person_id, slot, conversions)
           select c.day, l.item_id, l.network, l.person_id, ${SLOT_OF_LINK}, count(*)
           from unnest($1::text[], $2::date[]) as c(code, day)
           join links l on l.code = c.code
           group by 1, 2, 3, 4, 5
           on conflict (day, item_id, network, person_id, slot) do update set conversions = analytics_daily.conversions + excluded.conversions`,
          [conversions.map((c) => c.linkCode), conversions.map((c) => c.day), timeZone],
        );
      }
    },
  };
}

/**
 * Rebuilds `analytics_daily` from the stored rows (shares, clicks, unique readers, conversions) — for data
 * from before the processor existed, or after a repair — and moves the processor's position
 * to the end of the log in the same snapshot, so nothing is counted twice or missed. One
 * transaction: the dashboard shows the old numbers or the new ones.
 */
export async function backfillAnalytics(db: Db, timeZone: string): Promise<{ rows: number; position: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        // One snapshot for the position and the rows read: events and the rows they describe are written together.
        await tx.query('set transaction isolation level repeatable read');
        await tx.query(`insert into event_positions (processor) values ('analytics') on conflict do nothing`);
        await tx.query(`select last_id from event_positions where processor = 'analytics' for update`);
        const [{ top } = { top: 0 }] = await tx.query<{ top: string | number }>('select coalesce(max(id), 0) as top from events');
        await tx.query('delete from analytics_daily');
        await tx.query(
          `insert into analytics_daily (day, item_id, network, person_id, slot, shares, clicks, readers, conversions)
           select day, item_id, network, person_id, slot, sum(shares), sum(clicks), sum(readers), sum(conversions) from (
             select (coalesce(s.first_at, s.created_at) at time zone $1)::date as day, s.item_id, s.network, s.person_id, ((extract(isodow from coalesce(s.first_at, s.created_at) at time zone $1)::int - 1) * 24 + extract(hour from coalesce(s.first_at, s.created_at) at time zone $1)::int) as slot,
                    count(*) as shares, 0 as clicks, 0 as readers, 0 as conversions
               from shares s group by 1, 2, 3, 4, 5
             union all
             select (c.minute at time zone $1)::date, l.item_id, l.network, l.person_id, ((extract(isodow from l.created_at at time zone $1)::int - 1) * 24 + extract(hour from l.created_at at time zone $1)::int), 0, sum(c.clicks), 0, 0
               from clicks c join links l on l.code = c.link_code group by 1, 2, 3, 4, 5
             union all
             select r.day, l.item_id, l.network, l.person_id, ((extract(isodow from l.created_at at time zone $1)::int - 1) * 24 + extract(hour from l.created_at at time zone $1)::int), 0, 0, sum(r.readers), 0
               from link_readers r join links l on l.code = r.link_code group by 1, 2, 3, 4, 5
             union all
             select v.day, l.item_id, l.network, l.person_id, ((extract(isodow from l.created_at at time zone $1)::int - 1) * 24 + extract(hour from l.created_at at time zone $1)::int), 0, 0, 0, count(*)
               from conversions v join links l on l.code = v.link_code group by 1, 2, 3, 4, 5
           ) t group by 1, 2, 3, 4, 5
           -- Written in day order, as the processor appends them: a period's rows then sit together
           -- on disk (measured at company size: a month's rows from 1,369 pages instead of 16,648).
           order by 1`,
          [timeZone],
        );
        const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('select count(*)::int as n from analytics_daily');
        await tx.query(`update event_positions set last_id = $1, updated_at = now() where processor = 'analytics'`, [Number(top)]);
        return { rows: n, position: Number(top) };
      });
    } catch (err) {
      // The running processor moved its position after our snapshot began: start over.
      if ((err as { code?: string }).code === '40001' && attempt < 5) continue;
      throw err;
    }
  }
}
