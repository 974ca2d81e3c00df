import type { Queryable } from '../db.js';
import type { Network } from '../../domain/sharing/networks.js';

/** Whole local days [from, until) in the tenant's zone, as SQL bounds ($2, $3, $4). */
const START = `($2::date::timestamp at time zone $4)`;
const END = `($3::date::timestamp at time zone $4)`;

export interface PersonResults {
  shares: number;
  clicks: number;
  /** Unique readers per link and tenant day, summed over the round's days. */
  readers: number;
  perNetwork: Array<{ network: Network; clicks: number }>;
  best: { title: string; clicks: number } | null;
}

/** Who shared something within a round's days: the results card's recipients (`p`, `s`: the started announcement). */
export const SHARED_IN_ROUND = `exists (
  select 1 from shares sh
  where sh.person_id = p.id
    and sh.created_at >= ((s.payload->>'from')::date::timestamp at time zone (s.payload->>'timeZone'))
    and sh.created_at < ((s.payload->>'until')::date::timestamp at time zone (s.payload->>'timeZone'))
)`;

/**
 * One person's results over whole local days: shares made in them, and the visits their
 * tracked links brought in them (whenever the share was made). Reads only that person's links.
 */
export async function personResults(db: Queryable, personId: string, from: string, until: string, timeZone: string): Promise<PersonResults> {
  const [counted] = await db.query<{ shares: number }>(
    `select count(*)::int as shares from shares where person_id = $1 and created_at >= ${START} and created_at < ${END}`,
    [personId, from, until, timeZone],
  );
  const rows = await db.query<{ item_id: string; network: Network; clicks: number }>(
    `select c.item_id, c.network, sum(c.clicks)::int as clicks
     from links l join clicks c on c.link_code = l.code
     where l.person_id = $1 and c.minute >= ${START} and c.minute < ${END}
     group by c.item_id, c.network`,
    [personId, from, until, timeZone],
  );
  // Reader days are the tenant's calendar days, as the round's are: compared as dates.
  const [readers] = await db.query<{ readers: number }>(
    `select coalesce(sum(r.readers), 0)::int as readers from links l join link_readers r on r.link_code = l.code
     where l.person_id = $1 and r.day >= $2::date and r.day < $3::date`,
    [personId, from, until],
  );
  const byNetwork = new Map<Network, number>();
  const byItem = new Map<string, number>();
  for (const r of rows) {
    byNetwork.set(r.network, (byNetwork.get(r.network) ?? 0) + r.clicks);
    byItem.set(r.item_id, (byItem.get(r.item_id) ?? 0) + r.clicks);
  }
  const [bestId, bestClicks] = [...byItem].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  let best: PersonResults['best'] = null;
  if (bestId && bestClicks) {
    const [item] = await db.query<{ title: string }>('select title from items where id = $1', [bestId]);
    if (item) best = { title: item.title, clicks: bestClicks };
  }
  return {
    shares: counted?.shares ?? 0,
    clicks: [...byNetwork.values()].reduce((a, b) => a + b, 0),
    readers: readers?.readers ?? 0,
    perNetwork: [...byNetwork].map(([network, clicks]) => ({ network, clicks })).sort((a, b) => b.clicks - a.clicks),
    best,
  };
}
