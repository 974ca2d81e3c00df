import type { Queryable } from '../db.js';
import type { Language } from '../../domain/model/common.js';
import type { Topic } from '../../domain/model/items.js';

export function topicsRepo(db: Queryable) {
  return {
    async list(language: Language): Promise<Topic[]> {
      return db.query<Topic>(
        `select id, case when $1 = 'de' then name_de else name_en end as name from topics order by 2`,
        [language],
      );
    },
    /** The ids among `ids` that do not exist. */
    async unknown(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db.query<{ id: string }>('select id from topics where id = any($1::text[])', [ids]);
      const known = new Set(rows.map((r) => r.id));
      return ids.filter((id) => !known.has(id));
    },
    async upsert(t: { id: string; de: string; en: string }): Promise<void> {
      await db.query(
        `insert into topics (id, name_de, name_en) values ($1, $2, $3)
         on conflict (id) do update set name_de = excluded.name_de, name_en = excluded.name_en`,
        [t.id, t.de, t.en],
      );
    },
  };
}
export type TopicsRepo = ReturnType<typeof topicsRepo>;
