import { recordEvents } from '../events/record-events.js';
import type { GuidelineSave, GuidelineStore } from '../../domain/guidelines/guidelines-service.js';
import type { ReaderGuideline } from '../../domain/guidelines/reader-view.js';
import type { Page } from '../../domain/model/common.js';
import type { AdminGuideline, GuidelineVersion, GuidelineVersionSummary } from '../../domain/model/guidelines.js';
import type { Db, Queryable } from '../db.js';
import { maybeOne } from '../db.js';
import { keysetPage } from '../keyset.js';
import { isoRequired } from './rows.js';

interface VersionRow {
  page_id: string;
  slug: string;
  position: number;
  version: number;
  title_de: string;
  title_en: string;
  body_de: string;
  body_en: string;
  change_note_de: string;
  change_note_en: string;
  created_at: Date;
  created_by_name: string | null;
}

const toVersion = (r: VersionRow): GuidelineVersion => ({
  version: r.version,
  title: { de: r.title_de, en: r.title_en },
  body: { de: r.body_de, en: r.body_en },
  changeNote: { de: r.change_note_de, en: r.change_note_en },
  createdAt: isoRequired(r.created_at),
  createdBy: r.created_by_name,
});

const toAdmin = (r: VersionRow): AdminGuideline => ({ id: r.page_id, slug: r.slug, position: r.position, current: toVersion(r) });

const VERSION_PARTS = {
  columns: `p.id as page_id, p.slug, p.position, v.version, v.title_de, v.title_en, v.body_de, v.body_en,
         v.change_note_de, v.change_note_en, v.created_at, pe.display_name as created_by_name`,
  from: `from guideline_pages p
  join guideline_versions v on v.page_id = p.id
  left join people pe on pe.id = v.created_by`,
};
const SELECT_VERSION = `select ${VERSION_PARTS.columns} ${VERSION_PARTS.from}`;

type PageRequest = { cursor?: string | undefined; limit: number };

/** The latest version of each page: the current one. */
const CURRENT = `v.version = (select max(version) from guideline_versions where page_id = p.id)`;

export type { GuidelineSave };

async function insertVersion(tx: Queryable, pageId: string, version: number, input: GuidelineSave, by: string): Promise<void> {
  await tx.query(
    `insert into guideline_versions (page_id, version, title_de, title_en, body_de, body_en, change_note_de, change_note_en, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [pageId, version, input.title.de, input.title.en, input.body.de, input.body.en, input.changeNote.de, input.changeNote.en, by],
  );
}

/** Guideline pages and their versions, stored and loaded; domain/guidelines has the rules. */
export function guidelinesRepo(db: Db): GuidelineStore {
  const current = async (q: Queryable, id: string) =>
    maybeOne<VersionRow>(q, `${SELECT_VERSION} where p.id = $1 and ${CURRENT}`, [id]);

  const all = async (): Promise<AdminGuideline[]> => {
    const rows = await db.query<VersionRow>(`${SELECT_VERSION} where ${CURRENT} order by p.position, p.created_at, p.id`);
    return rows.map(toAdmin);
  };

  return {
    /** The admin list, by position. */
    list: (page: PageRequest) =>
      keysetPage(db, {
        ...VERSION_PARTS,
        where: [CURRENT],
        keys: [{ sql: 'p.position', kind: 'int' }, { sql: 'p.created_at', kind: 'timestamp' }, { sql: 'p.id', kind: 'uuid' }],
        direction: 'asc',
        page,
        map: toAdmin,
      }),

    async get(id: string): Promise<AdminGuideline | undefined> {
      const row = await current(db, id);
      return row && toAdmin(row);
    },

    async version(id: string, version: number): Promise<GuidelineVersion | undefined> {
      const row = await maybeOne<VersionRow>(db, `${SELECT_VERSION} where p.id = $1 and v.version = $2`, [id, version]);
      return row && toVersion(row);
    },

    /** A page's versions, newest first. */
    history: (id: string, page: PageRequest): Promise<Page<GuidelineVersionSummary>> =>
      keysetPage(db, {
        ...VERSION_PARTS,
        where: ['p.id = $1'],
        params: [id],
        keys: [{ sql: 'v.version', kind: 'int' }],
        direction: 'desc',
        page,
        map: (r: VersionRow) => {
          const { version, changeNote, createdAt, createdBy } = toVersion(r);
          return { version, changeNote, createdAt, createdBy };
        },
      }),

    /** A new page with its first version; undefined when the slug exists already. */
    async create(slug, input, by) {
      return db.transaction(async (tx) => {
        const [page] = await tx.query<{ id: string }>(
          `insert into guideline_pages (slug, position)
           values ($1, coalesce($2, (select coalesce(max(position), 0) + 1 from guideline_pages)))
           on conflict (slug) do nothing returning id`,
          [slug, input.position ?? null],
        );
        if (!page) return undefined;
        await insertVersion(tx, page.id, 1, input, by);
        return toAdmin((await current(tx, page.id)) as VersionRow);
      });
    },

    /** The page row is locked, so two saves of one page queue up and `plan` sees the latest. */
    async save(id, input, by, plan) {
      return db.transaction(async (tx) => {
        const [locked] = await tx.query<{ id: string }>('select id from guideline_pages where id = $1 for update', [id]);
        if (!locked) return undefined;
        const { newVersion } = plan(toVersion((await current(tx, id)) as VersionRow));
        if (input.position !== undefined) await tx.query('update guideline_pages set position = $2 where id = $1', [id, input.position]);
        if (newVersion !== null) await insertVersion(tx, id, newVersion, input, by);
        return toAdmin((await current(tx, id)) as VersionRow);
      });
    },

    /** Every current page, with what this person acknowledged. Nobody else's acknowledgements are read. */
    async forReader(personId): Promise<ReaderGuideline[]> {
      const pages = await all();
      const acks = await db.query<{ page_id: string; version: number; acknowledged_at: Date }>(
        `select distinct on (page_id) page_id, version, acknowledged_at from guideline_acknowledgements
         where person_id = $1 order by page_id, version desc`,
        [personId],
      );
      const byPage = new Map(acks.map((a) => [a.page_id, a]));
      return pages.map((page) => {
        const ack = byPage.get(page.id);
        return { page, acknowledgedVersion: ack?.version ?? null, acknowledgedAt: ack ? isoRequired(ack.acknowledged_at) : null };
      });
    },

    async latestVersion(id) {
      const [latest] = await db.query<{ version: number | null }>('select max(version) as version from guideline_versions where page_id = $1', [id]);
      return latest?.version ?? undefined;
    },

    /** Twice is harmless: recorded (with its event) once. */
    async acknowledge(personId, id, version) {
      await db.transaction(async (tx) => {
        const added = await tx.query(
          `insert into guideline_acknowledgements (person_id, page_id, version) values ($1, $2, $3) on conflict do nothing returning 1`,
          [personId, id, version],
        );
        if (added.length > 0) {
          await recordEvents(tx, [{ type: 'guideline.acknowledged', subject: `guideline:${id}`, payload: { guidelineId: id, version, personId } }]);
        }
      });
    },
  };
}
export type GuidelinesRepo = ReturnType<typeof guidelinesRepo>;
