import type { DirectoryUser } from '../../domain/directory/directory-user.js';
import type { Db, Queryable } from '../db.js';
import { appendEventsCte } from '../events/record-events.js';
import { iso } from './rows.js';

/** What one round did (kept for the admin page). */
export interface DirectoryCounts {
  pages: number;
  /** Users in the pages (including removed and skipped ones). */
  seen: number;
  created: number;
  /** Known people whose name, department, location, language or hire date changed. */
  updated: number;
  left: number;
  /** Entries that could not be a user (no id, wrong types): not written. */
  skipped: number;
}

export interface DirectoryState {
  deltaLink: string | null;
  round: number;
  running: boolean;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastFullAt: string | null;
  lastStatus: 'ok' | 'error' | null;
  lastError: string | null;
  lastCounts: Partial<DirectoryCounts>;
  people: { total: number; fromDirectory: number; left: number };
}

/** A round's lease is taken over when its process stopped renewing it for this long. */
const LEASE = `interval '10 minutes'`;

export function directoryRepo(db: Db) {
  return {
    async state(now: Date): Promise<DirectoryState> {
      const [r] = await db.query<{
        delta_link: string | null; round: string; running: boolean; last_started_at: Date | null; last_finished_at: Date | null; last_full_at: Date | null;
        last_status: 'ok' | 'error' | null; last_error: string | null; last_counts: Partial<DirectoryCounts>; total: number; from_directory: number; left: number;
      }>(
        `select s.delta_link, s.round::text, (s.running_since is not null and s.running_since > $1::timestamptz - ${LEASE}) as running,
                s.last_started_at, s.last_finished_at, s.last_full_at, s.last_status, s.last_error, s.last_counts,
                (select count(*) from people where left_at is null)::int as total,
                (select count(*) from people where directory_round is not null and left_at is null)::int as from_directory,
                (select count(*) from people where left_at is not null)::int as left
         from directory_sync s where s.id`,
        [now],
      );
      return {
        deltaLink: r?.delta_link ?? null,
        round: Number(r?.round ?? 0),
        running: r?.running ?? false,
        lastStartedAt: iso(r?.last_started_at ?? null),
        lastFinishedAt: iso(r?.last_finished_at ?? null),
        lastFullAt: iso(r?.last_full_at ?? null),
        lastStatus: r?.last_status ?? null,
        lastError: r?.last_error ?? null,
        lastCounts: r?.last_counts ?? {},
        people: { total: r?.total ?? 0, fromDirectory: r?.from_directory ?? 0, left: r?.left ?? 0 },
      };
    },

    /** Takes the round's lease (one process at a time); undefined when another round runs. */
    async claim(by: string, now: Date): Promise<{ round: number; deltaLink: string | null } | undefined> {
      const [r] = await db.query<{ round: string; delta_link: string | null }>(
        `update directory_sync set running_since = $2, running_by = $1, last_started_at = $2, round = round + 1
         where id and (running_since is null or running_since < $2::timestamptz - ${LEASE})
         returning round::text, delta_link`,
        [by, now],
      );
      return r && { round: Number(r.round), deltaLink: r.delta_link };
    },

    /** Still running (after each page); false when the lease was lost to another process. */
    async renew(by: string, now: Date): Promise<boolean> {
      const rows = await db.query('update directory_sync set running_since = $2 where id and running_by = $1 returning 1', [by, now]);
      return rows.length > 0;
    },

    async finish(by: string, now: Date, o: { status: 'ok' | 'error'; error: string | null; counts: DirectoryCounts; deltaLink?: string | null; full: boolean }): Promise<void> {
      await db.query(
        `update directory_sync set running_since = null, running_by = null, last_finished_at = $2, last_status = $3, last_error = $4,
                last_counts = $5::jsonb, delta_link = case when $6 then $7 else delta_link end,
                last_full_at = case when $8 then $2 else last_full_at end
         where id and running_by = $1`,
        [by, now, o.status, o.error, JSON.stringify(o.counts), o.deltaLink !== undefined, o.deltaLink ?? null, o.full && o.status === 'ok'],
      );
    },

    /** Forgets the delta link (it expired): the next pages are a full sync. */
    async forgetDeltaLink(): Promise<void> {
      await db.query('update directory_sync set delta_link = null where id');
    },

    /**
     * One page of users, in one transaction: new people are created (with "person joined"),
     * known ones get what the page says (a field the page does not carry stays), everyone seen
     * is marked with the round, and removed or disabled people are marked as left.
     */
    async apply(users: readonly DirectoryUser[], o: { round: number; tenantId: string; now: Date }): Promise<Pick<DirectoryCounts, 'created' | 'updated' | 'left'>> {
      if (users.length === 0) return { created: 0, updated: 0, left: 0 };
      const col = <T>(pick: (u: DirectoryUser) => T) => users.map(pick);
      const params = [
        col((u) => u.id),
        col((u) => u.displayName ?? null),
        col((u) => u.department !== undefined),
        col((u) => u.department ?? null),
        col((u) => u.location !== undefined),
        col((u) => u.location ?? null),
        col((u) => u.language ?? null),
        col((u) => u.hiredAt !== undefined),
        col((u) => u.hiredAt ?? null),
        col((u) => u.left),
      ];
      const INPUT = `select * from unnest($1::text[], $2::text[], $3::bool[], $4::text[], $5::bool[], $6::text[], $7::text[], $8::bool[], $9::timestamptz[], $10::bool[])
        as t(oid, name, has_department, department, has_location, location, language, has_hired, hired, gone)`;
      return db.transaction(async (tx: Queryable) => {
        // New people (not the ones that left before Chorus knew them).
        const [created] = await tx.query<{ n: number }>(
          `with p as (
             insert into people (aad_object_id, tenant_id, display_name, department, location, language, joined_at, directory_round)
             select i.oid, $11, coalesce(i.name, 'Unknown'), i.department, i.location, coalesce(i.language, 'en'), i.hired, $12
             from (${INPUT}) i where not i.gone
             on conflict (aad_object_id) do nothing
             returning id),
           ${appendEventsCte(`select 'person.joined' as type, 'person:' || p.id as subject, jsonb_build_object('personId', p.id, 'via', 'directory') as payload from p`)}
           select count(*)::int as n from p`,
          [...params, o.tenantId, o.round],
        );
        // Everyone the page names whom Chorus knows (the new ones too: nothing changes for them).
        const changed = await tx.query<{ changed: boolean; left_now: boolean }>(
          `update people p set
             display_name = coalesce(i.name, p.display_name),
             department = case when i.has_department then i.department else p.department end,
             location = case when i.has_location then i.location else p.location end,
             joined_at = case when i.has_hired then i.hired else p.joined_at end,
             directory_round = $11,
             left_at = case when i.gone then coalesce(p.left_at, $12) else null end
           from (select i.*, p0.id as pid, p0.display_name as old_name, p0.department as old_department, p0.location as old_location,
                        p0.joined_at as old_joined, p0.left_at as old_left
                 from (${INPUT}) i join people p0 on p0.aad_object_id = i.oid) i
           where p.id = i.pid
           returning (coalesce(i.name, i.old_name) is distinct from i.old_name
                      or (i.has_department and i.department is distinct from i.old_department)
                      or (i.has_location and i.location is distinct from i.old_location)
                      or (i.has_hired and i.hired is distinct from i.old_joined)) as changed,
                     (i.gone and i.old_left is null) as left_now`,
          [...params, o.round, o.now],
        );
        return {
          created: created?.n ?? 0,
          updated: changed.filter((r) => r.changed && !r.left_now).length,
          left: changed.filter((r) => r.left_now).length,
        };
      });
    },

    /** After a full round: people an earlier round saw and this one did not have left. */
    async markUnseenAsLeft(round: number, now: Date): Promise<number> {
      const rows = await db.query('update people set left_at = $2 where directory_round < $1 and left_at is null returning 1', [round, now]);
      return rows.length;
    },
  };
}
export type DirectoryRepo = ReturnType<typeof directoryRepo>;
