import { appendEventsCte } from '../events/record-events.js';
import type { Queryable } from '../db.js';
import { maybeOne, one } from '../db.js';
import { inAudience, valuesNobodyHolds } from './audience-sql.js';
import type { AudienceDirectory } from '../../domain/audiences/audience-warnings.js';
import type { Language } from '../../domain/model/common.js';

export interface Person {
  id: string;
  displayName: string;
  role: 'admin' | 'employee';
  language: Language;
  department: string | null;
  location: string | null;
  devKey: string | null;
  joinedAt: string | null;
}

interface PersonRow {
  id: string;
  display_name: string;
  role: 'admin' | 'employee';
  language: Language;
  department: string | null;
  location: string | null;
  dev_key: string | null;
  joined_at: Date | null;
}

const COLUMNS = 'id, display_name, role, language, department, location, dev_key, joined_at';

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  displayName: r.display_name,
  role: r.role,
  language: r.language,
  department: r.department,
  location: r.location,
  devKey: r.dev_key,
  joinedAt: r.joined_at ? r.joined_at.toISOString() : null,
});

/**
 * An insert or upsert of one person (without RETURNING) as one statement that also
 * appends "person joined" when the row is new — the event and the person are stored
 * together or not at all.
 */
function joined(via: 'teams' | 'entra' | 'demo', upsert: string): string {
  return `with p as (${upsert} returning ${COLUMNS}, (xmax = 0) as inserted),
  ${appendEventsCte(`select 'person.joined' as type, 'person:' || p.id as subject,
      jsonb_build_object('personId', p.id, 'via', '${via}') as payload from p where p.inserted`)}
  select * from p`;
}

export function peopleRepo(db: Queryable) {
  return {
    async byId(id: string): Promise<Person | undefined> {
      const row = await maybeOne<PersonRow>(db, `select ${COLUMNS} from people where id = $1`, [id]);
      return row && toPerson(row);
    },
    async byAadObjectId(aadObjectId: string): Promise<Person | undefined> {
      const row = await maybeOne<PersonRow>(db, `select ${COLUMNS} from people where aad_object_id = $1`, [aadObjectId]);
      return row && toPerson(row);
    },
    async byDevKey(key: string): Promise<Person | undefined> {
      const row = await maybeOne<PersonRow>(db, `select ${COLUMNS} from people where dev_key = $1`, [key]);
      return row && toPerson(row);
    },
    async demoPeople(): Promise<Person[]> {
      const rows = await db.query<PersonRow>(`select ${COLUMNS} from people where dev_key is not null order by role, display_name`);
      return rows.map(toPerson);
    },
    /**
     * The person behind an Entra token, created on first sight. The role follows the
     * token on every call, so revoking the app role in Entra takes effect at once.
     */
    async upsertFromEntra(p: { oid: string; tid: string; name: string; role: 'admin' | 'employee'; language: Language | null }): Promise<Person> {
      const row = await one<PersonRow>(
        db,
        joined(
          'entra',
          `insert into people (aad_object_id, tenant_id, display_name, role, language)
           values ($1, $2, $3, $4, coalesce($5, 'en'))
           on conflict (aad_object_id) do update
             set display_name = excluded.display_name, role = excluded.role, tenant_id = excluded.tenant_id`,
        ),
        [p.oid, p.tid, p.name, p.role, p.language],
      );
      return toPerson(row);
    },
    async insert(p: Omit<Person, 'id'> & { aadObjectId?: string | null }): Promise<Person> {
      const row = await one<PersonRow>(
        db,
        joined(
          'demo',
          `insert into people (display_name, role, language, department, location, dev_key, joined_at, aad_object_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        ),
        [p.displayName, p.role, p.language, p.department, p.location, p.devKey, p.joinedAt, p.aadObjectId ?? null],
      );
      return toPerson(row);
    },
    /**
     * The person behind a Teams activity (AAD object id), created on first contact. Name,
     * tenant and language follow the Teams client — unless the person chose a language in
     * the settings, which then stays.
     */
    async upsertFromTeams(p: { aadObjectId: string; tenantId: string; name: string; language: Language | null }): Promise<Person> {
      const row = await one<PersonRow>(
        db,
        joined(
          'teams',
          `insert into people (aad_object_id, tenant_id, display_name, language)
           values ($1, $2, $3, coalesce($4, 'en'))
           on conflict (aad_object_id) do update
             set display_name = excluded.display_name, tenant_id = excluded.tenant_id,
                 language = coalesce(
                   (select pr.language from preferences pr where pr.person_id = people.id), $4, people.language)`,
        ),
        [p.aadObjectId, p.tenantId, p.name, p.language],
      );
      return toPerson(row);
    },

    async setLanguage(id: string, language: Language): Promise<void> {
      await db.query('update people set language = $2 where id = $1', [id, language]);
    },

    /**
     * Departments and locations people hold (people who left do not count), each with how many
     * people, for the audience pickers (issue 14 §2: the directory's values once it syncs).
     */
    async audienceValues(): Promise<{ departments: string[]; locations: string[]; counts: { departments: Record<string, number>; locations: Record<string, number> } }> {
      const rows = await db.query<{ kind: string; value: string; n: number }>(
        `select 'd' as kind, department as value, count(*)::int as n from people where department is not null and left_at is null group by department
         union all select 'l', location, count(*)::int from people where location is not null and left_at is null group by location order by 2`,
      );
      const of = (kind: string) => rows.filter((r) => r.kind === kind);
      return {
        departments: of('d').map((r) => r.value),
        locations: of('l').map((r) => r.value),
        counts: { departments: Object.fromEntries(of('d').map((r) => [r.value, r.n])), locations: Object.fromEntries(of('l').map((r) => [r.value, r.n])) },
      };
    },

    /** People (who have not left) in these departments and locations; empty lists: everyone. */
    async audienceReach(departments: readonly string[], locations: readonly string[]): Promise<number> {
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from people p where ${inAudience('$1::text[]', '$2::text[]')}`, [
        departments,
        locations,
      ]);
      return row?.n ?? 0;
    },

    /** The values no one (who has not left) holds. */
    async unknownAudienceValues(departments: readonly string[], locations: readonly string[]): Promise<{ departments: string[]; locations: string[] }> {
      const [row] = await db.query<{ departments: string[]; locations: string[] }>(
        `select array(${valuesNobodyHolds('$1::text[]', 'department')}) as departments, array(${valuesNobodyHolds('$2::text[]', 'location')}) as locations`,
        [departments, locations],
      );
      return { departments: row?.departments ?? [], locations: row?.locations ?? [] };
    },
  };
}
export type PeopleRepo = ReturnType<typeof peopleRepo>;

/** The people as the domain's audience checks ask about them (issue 14 §2). */
export const audienceDirectory = (people: PeopleRepo): AudienceDirectory => ({
  reach: (departments, locations) => people.audienceReach(departments, locations),
  unknown: (departments, locations) => people.unknownAudienceValues(departments, locations),
});
