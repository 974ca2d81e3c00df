import { randomBytes, randomInt } from 'node:crypto';
import type { Db } from '../db.js';
import { maybeOne, one } from '../db.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { MyShares } from '../../domain/model/me.js';
import { keysetPage } from '../keyset.js';
import { isoRequired } from './rows.js';
import { recordEvents } from '../events/record-events.js';

/** 144 random bits: a share page address cannot be guessed or enumerated. */
export const newShareToken = () => randomBytes(18).toString('base64url');
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
/** Short and unambiguous to read aloud; 10 of 57 symbols ≈ 58 bits. */
export const newLinkCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
export { LINK_CODE_PATTERN } from '../../domain/links/link-code.js';

export function sharingRepo(db: Db) {
  return {
    /** The person's share page for the item: the same address every time. */
    async shareToken(itemId: string, personId: string): Promise<string> {
      const row = await one<{ token: string }>(
        db,
        `insert into share_tokens (token, item_id, person_id) values ($1, $2, $3)
         on conflict (item_id, person_id) do update set item_id = excluded.item_id
         returning token`,
        [newShareToken(), itemId, personId],
      );
      return row.token;
    },

    /** Share tokens for many (item, person) pairs in one statement (a delivery batch). */
    async shareTokens(pairs: Array<{ itemId: string; personId: string }>): Promise<Map<string, string>> {
      if (pairs.length === 0) return new Map();
      const rows = await db.query<{ token: string; item_id: string; person_id: string }>(
        `insert into share_tokens (token, item_id, person_id)
         select * from unnest($1::text[], $2::uuid[], $3::uuid[])
         on conflict (item_id, person_id) do update set item_id = excluded.item_id
         returning token, item_id, person_id`,
        [pairs.map(() => newShareToken()), pairs.map((p) => p.itemId), pairs.map((p) => p.personId)],
      );
      return new Map(rows.map((r) => [`${r.item_id}:${r.person_id}`, r.token]));
    },

    /** The funnel's "share page opened": once per person and item, the first time. */
    async markOpened(token: string): Promise<void> {
      await db.query('update share_tokens set opened_at = now() where token = $1 and opened_at is null', [token]);
    },

    async resolveToken(token: string): Promise<{ itemId: string; personId: string; language: 'de' | 'en' } | undefined> {
      const row = await maybeOne<{ item_id: string; person_id: string; language: 'de' | 'en' }>(
        db,
        `select t.item_id, t.person_id, p.language from share_tokens t join people p on p.id = t.person_id where t.token = $1`,
        [token],
      );
      return row && { itemId: row.item_id, personId: row.person_id, language: row.language };
    },

    /** Records a share (once per network; again only updates its time) and returns the tracked link's code (one per item, person and network). */
    async recordShare(s: { itemId: string; personId: string; network: Network; edited: boolean }): Promise<string> {
      return db.transaction(async (tx) => {
        await tx.query(
          `insert into links (code, item_id, person_id, network) values ($1, $2, $3, $4)
           on conflict (item_id, person_id, network) do nothing`,
          [newLinkCode(), s.itemId, s.personId, s.network],
        );
        const [link] = await tx.query<{ code: string }>(
          'select code from links where item_id = $1 and person_id = $2 and network = $3',
          [s.itemId, s.personId, s.network],
        );
        const code = (link as { code: string }).code;
        // One share per (item, person, network): posting again only moves its time.
        const [row] = await tx.query<{ inserted: boolean }>(
          `insert into shares (item_id, person_id, network, edited, link_code) values ($1, $2, $3, $4, $5)
           on conflict (item_id, person_id, network) do update set first_at = coalesce(shares.first_at, shares.created_at), created_at = now(), edited = shares.edited or excluded.edited
           returning (xmax = 0) as inserted`,
          [s.itemId, s.personId, s.network, s.edited, code],
        );
        if (row?.inserted) {
          await recordEvents(tx, [
            { type: 'share.recorded', subject: `item:${s.itemId}`, payload: { itemId: s.itemId, personId: s.personId, network: s.network, linkCode: code } },
          ]);
        }
        return code;
      });
    },

    /** Where this person shared this item, and the clicks their links for it brought. */
    async sharedOn(itemId: string, personId: string): Promise<{ networks: Network[]; clicks: number }> {
      const [row] = await db.query<{ networks: Network[]; clicks: number }>(
        // A link exists only together with a share (recordShare writes both).
        `select coalesce(array_agg(l.network order by l.network), '{}') as networks,
           coalesce(sum((select coalesce(sum(c.clicks), 0) from clicks c where c.link_code = l.code)), 0)::int as clicks
         from links l where l.item_id = $1 and l.person_id = $2`,
        [itemId, personId],
      );
      return row ?? { networks: [], clicks: 0 };
    },

    /** A person's shares by item, newest first, a page at a time; the totals cover all of them. */
    async myShares(personId: string, page: { cursor?: string | undefined; limit: number } = { limit: 50 }): Promise<MyShares> {
      const CLICKS = '(select coalesce(sum(c.clicks), 0)::int from clicks c where c.link_code = s.link_code)';
      const [totals] = await db.query<MyShares['totals']>(
        `select count(distinct s.item_id)::int as items, count(*)::int as shares, coalesce(sum(${CLICKS}), 0)::int as clicks
         from shares s join items i on i.id = s.item_id where s.person_id = $1`,
        [personId],
      );
      const items = await keysetPage(db, {
        columns: 'm.item_id',
        from: `from (select s.item_id, max(s.created_at) as last_at from shares s join items i on i.id = s.item_id
                 where s.person_id = $1 group by s.item_id) m`,
        params: [personId],
        keys: [{ sql: 'm.last_at', kind: 'timestamp' }, { sql: 'm.item_id', kind: 'uuid' }],
        direction: 'desc',
        page,
        map: (r: { item_id: string }) => r.item_id,
      });
      const rows = await db.query<{ item_id: string; title: string; url: string; network: Network; shared_at: Date; clicks: number }>(
        `select s.item_id, i.title, i.url, s.network, s.created_at as shared_at, ${CLICKS} as clicks
         from shares s join items i on i.id = s.item_id
         where s.person_id = $1 and s.item_id = any($2::uuid[])
         order by s.created_at desc, s.network`,
        [personId, items.items],
      );
      const byItem = new Map<string, MyShares['items'][number]>();
      for (const r of rows) {
        const sharedAt = isoRequired(r.shared_at);
        let item = byItem.get(r.item_id);
        if (!item) {
          item = { itemId: r.item_id, title: r.title, url: r.url, lastSharedAt: sharedAt, networks: [], clicks: 0 };
          byItem.set(r.item_id, item);
        }
        item.networks.push({ network: r.network, sharedAt, clicks: r.clicks });
        item.clicks += r.clicks;
      }
      return {
        totals: totals ?? { items: 0, shares: 0, clicks: 0 },
        items: items.items.map((id) => byItem.get(id)).filter((i) => i !== undefined),
        nextCursor: items.nextCursor,
      };
    },
  };
}
export type SharingRepo = ReturnType<typeof sharingRepo>;
