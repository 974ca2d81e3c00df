import type { Network } from '../../domain/sharing/networks.js';
import { conversionCounts, impactReport, type ImpactPeriod, type ImpactRow } from '../../domain/impact/impact-report.js';
import type { ConversionType } from '../../domain/model/conversion-types.js';
import type { Impact } from '../../domain/model/impact.js';
import { addDays, startOfDay } from '../../domain/time/tenant-day.js';
import type { Queryable } from '../db.js';

/**
 * One person's shares, clicks and unique readers per (tenant day, item, network) in a
 * period, with the items' titles: one statement. Every part starts from the person —
 * their shares (shares_person_time_idx), their links (links_person_idx) and each link's
 * clicks and readers by primary key (link, minute / day) — so it reads only their rows,
 * however many clicks the company has. (A person has a few hundred links at most; a
 * rollup per person and day would only move that work to every click.)
 */
export const IMPACT_ROWS_SQL = /* sql */ `
  with my_links as (select code from links where person_id = $1),
  rows as (
    select (s.created_at at time zone $4)::date as day, s.item_id, s.network, 1 as shares, 0 as clicks, 0 as readers
      from shares s where s.person_id = $1 and s.created_at >= $2 and s.created_at < $3
    union all
    select (c.minute at time zone $4)::date, c.item_id, c.network, 0, c.clicks, 0
      from my_links l join clicks c on c.link_code = l.code where c.minute >= $2 and c.minute < $3
    union all
    select r.day, r.item_id, r.network, 0, 0, r.readers
      from my_links l join link_readers r on r.link_code = l.code where r.day >= $5::date and r.day <= $6::date
  )
  select r.day::text as day, r.item_id, r.network, i.title,
         sum(r.shares)::int as shares, sum(r.clicks)::int as clicks, sum(r.readers)::int as readers
  from rows r join items i on i.id = r.item_id
  group by r.day, r.item_id, r.network, i.title`;

/** Conversions through the person's links in the period, per type: counts only (conversions_person_day_idx). */
export const IMPACT_CONVERSIONS_SQL = /* sql */ `
  select type, count(*)::int as count from conversions
  where person_id = $1 and day >= $2::date and day <= $3::date
  group by type`;

export function impactQueryParams(personId: string, period: ImpactPeriod, timeZone: string): unknown[] {
  const start = new Date(startOfDay(period.from, timeZone)).toISOString();
  const end = new Date(startOfDay(addDays(period.to, 1), timeZone)).toISOString();
  return [personId, start, end, timeZone, period.from, period.to];
}

export function impactRepo(db: Queryable, timeZone: string) {
  return {
    /** The person's own numbers only: the person is the caller, never a parameter of the request. */
    async of(personId: string, period: ImpactPeriod): Promise<Impact> {
      const [rows, conversions] = await Promise.all([
        db.query<{ day: string; item_id: string; network: Network; title: string; shares: number; clicks: number; readers: number }>(
          IMPACT_ROWS_SQL,
          impactQueryParams(personId, period, timeZone),
          // Planning this statement costs more than running it: Postgres keeps its plan per connection.
          { name: 'impact-rows' },
        ),
        db.query<{ type: ConversionType; count: number }>(IMPACT_CONVERSIONS_SQL, [personId, period.from, period.to], { name: 'impact-conversions' }),
      ]);
      const titles = new Map(rows.map((r) => [r.item_id, r.title]));
      const impactRows: ImpactRow[] = rows.map((r) => ({ day: r.day, itemId: r.item_id, network: r.network, shares: r.shares, clicks: r.clicks, readers: r.readers }));
      return impactReport(period, timeZone, impactRows, titles, conversionCounts(conversions));
    },
  };
}
export type ImpactRepo = ReturnType<typeof impactRepo>;
