import { notFound } from '../../domain/errors.js';
import type { AdminTraining, MyRegistration, Training, TrainingRegistrant, TrainingsQuery } from '../../domain/model/trainings.js';
import type { Language, Page } from '../../domain/model/common.js';
import type { Reader } from '../../domain/trainings/trainings-ports.js';
import type { Db, Queryable } from '../db.js';
import { keysetPage } from '../keyset.js';
import { reachesNobody, staleAudience } from './audience-sql.js';
import { isoRequired } from './rows.js';

export type { Reader };

interface TrainingRow {
  id: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  meeting_url: string | null;
  room: string | null;
  capacity: number;
  language: Language;
  audience_departments: string[];
  audience_locations: string[];
  host: string;
  materials_url: string | null;
  status: 'scheduled' | 'cancelled';
  updated_at: Date;
  registered: number;
  waitlisted: number;
  my_status: 'registered' | 'waitlisted' | 'cancelled' | null;
  announced_at: Date | null;
  my_position: number | null;
}

/** A session as a calendar entry. */
export interface CalendarEntry {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  meetingUrl: string | null;
  room: string | null;
  host: string;
  cancelled: boolean;
  /** Bumped on every change: calendars replace the entry with a higher one. */
  sequence: number;
  updatedAt: Date;
}

/** When the session \`t\` was announced (its live announcement of kind 'training'; the unique key is the session). */
const announcedAt = (t: string) =>
  `(select max(a.created_at) from announcements a where a.kind = 'training' and a.live_key = ${t}.id::text and a.status <> 'cancelled')`;

/** Everything a training row becomes, with counts and the reader's own registration (`$1`: the reader). */
const COLUMNS = `t.id, t.title, t.description, t.starts_at, t.ends_at, t.time_zone, t.meeting_url, t.room, t.capacity,
    t.language, t.audience_departments, t.audience_locations, t.host, t.materials_url, t.status, t.updated_at,
    (select count(*)::int from training_registrations r where r.training_id = t.id and r.status = 'registered') as registered,
    (select count(*)::int from training_registrations r where r.training_id = t.id and r.status = 'waitlisted') as waitlisted,
    me.status as my_status,
    ${announcedAt('t')} as announced_at,
    case when me.status = 'waitlisted' then (select count(*)::int from training_registrations r
      where r.training_id = t.id and r.status = 'waitlisted' and r.queued <= me.queued) end as my_position`;
const FROM = `from trainings t
  left join training_registrations me on me.training_id = t.id and me.person_id = $1`;
const SELECT = `select ${COLUMNS} ${FROM}`;
const SELECT_PARTS = { columns: COLUMNS, from: FROM };

/** What admins see besides: audience values nobody holds any more, and an audience that is nobody (issue 14 §2). */
const ADMIN_COLUMNS = `${staleAudience('t.audience_departments', 't.audience_locations')} as stale_audience,
    ${reachesNobody('t.audience_departments', 't.audience_locations')} as reaches_nobody`;
type AdminTrainingRow = TrainingRow & { stale_audience: string[]; reaches_nobody: boolean };

/** The session is meant for the person in department `$2` and location `$3` (empty lists: everyone). */
export const FOR_READER = `(cardinality(t.audience_departments) = 0 or $2::text = any(t.audience_departments))
  and (cardinality(t.audience_locations) = 0 or $3::text = any(t.audience_locations))`;

function toTraining(r: TrainingRow): Training {
  const mine: MyRegistration =
    r.my_status === 'waitlisted' ? { status: 'waitlisted', position: r.my_position ?? 1 } : { status: r.my_status ?? 'none' };
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    startsAt: isoRequired(r.starts_at),
    endsAt: isoRequired(r.ends_at),
    timeZone: r.time_zone,
    meetingUrl: r.meeting_url,
    room: r.room,
    capacity: r.capacity,
    language: r.language,
    audience: { departments: r.audience_departments, locations: r.audience_locations },
    host: r.host,
    materialsUrl: r.materials_url,
    status: r.status,
    registered: r.registered,
    waitlisted: r.waitlisted,
    seatsLeft: Math.max(0, r.capacity - r.registered),
    mine,
    announcedAt: r.announced_at ? isoRequired(r.announced_at) : null,
    updatedAt: isoRequired(r.updated_at),
  };
}

/** One session as `readerId` sees it, through `q` (the database or a transaction). */
export async function readTraining(q: Queryable, id: string, readerId: string): Promise<Training> {
  const [row] = await q.query<TrainingRow>(`${SELECT} where t.id = $2`, [readerId, id]);
  if (!row) throw notFound('Training');
  return toTraining(row);
}

/**
 * Training sessions and registrations as people and admins read them. Changes go through
 * the trainings rules (domain/trainings/trainings-service.ts) and training-store.ts.
 */
export function trainingsRepo(db: Db) {
  /** Who holds a seat, then the waitlist in order. */
  async function registrants(id: string, page: { cursor?: string | undefined; limit: number } = { limit: 1_000_000 }): Promise<Page<TrainingRegistrant>> {
    if ((await db.query('select 1 from trainings where id = $1', [id])).length === 0) throw notFound('Training');
    return keysetPage(db, {
      columns: 'r.person_id, p.display_name, r.status, r.attended',
      from: 'from training_registrations r join people p on p.id = r.person_id',
      where: [`r.training_id = $1 and r.status in ('registered', 'waitlisted')`],
      params: [id],
      keys: [{ sql: 'r.status', kind: 'text' }, { sql: 'r.queued', kind: 'int' }],
      direction: 'asc',
      page,
      map: (r: { person_id: string; display_name: string; status: 'registered' | 'waitlisted'; attended: boolean | null }) => ({
        personId: r.person_id,
        displayName: r.display_name,
        status: r.status,
        attended: r.attended,
      }),
    });
  }

  return {
    get: (id: string, reader: Pick<Reader, 'id'>) => readTraining(db, id, reader.id),

    /** A session the reader may see (meant for them, or one they registered for). */
    async visible(id: string, reader: Reader): Promise<Training> {
      const [row] = await db.query<TrainingRow>(
        `${SELECT} where t.id = $4 and ((${FOR_READER}) or me.status in ('registered', 'waitlisted'))`,
        [reader.id, reader.department, reader.location, id],
      );
      if (!row) throw notFound('Training');
      return toTraining(row);
    },

    async list(reader: Reader, q: TrainingsQuery): Promise<Page<Training>> {
      const where =
        q.view === 'upcoming' ? `t.ends_at > now() and t.status = 'scheduled' and ${FOR_READER}`
        : q.view === 'mine' ? `t.ends_at > now() and me.status in ('registered', 'waitlisted')`
        : `t.ends_at <= now() and t.status = 'scheduled' and ((${FOR_READER}) or me.status = 'registered')`;
      // "mine" does not ask about the audience; every parameter must appear in the statement
      const params = q.view === 'mine' ? [reader.id] : [reader.id, reader.department, reader.location];
      return keysetPage(db, {
        ...SELECT_PARTS,
        where: [where],
        params,
        keys: [{ sql: 't.starts_at', kind: 'timestamp' }, { sql: 't.id', kind: 'uuid' }],
        direction: q.view === 'past' ? 'desc' : 'asc',
        page: q,
        map: toTraining,
      });
    },

    /** Admins: every session, newest start first, with what is out of date about its audience. */
    async all(adminId: string, page: { cursor?: string | undefined; limit: number } = { limit: 200 }): Promise<Page<AdminTraining>> {
      return keysetPage(db, {
        columns: `${COLUMNS}, ${ADMIN_COLUMNS}`,
        from: FROM,
        params: [adminId],
        keys: [{ sql: 't.starts_at', kind: 'timestamp' }, { sql: 't.id', kind: 'uuid' }],
        direction: 'desc',
        page,
        map: (r: AdminTrainingRow) => ({ ...toTraining(r), staleAudience: r.stale_audience, reachesNobody: r.reaches_nobody }),
      });
    },

    registrants,

    /**
     * Sessions that may need a reminder: on, starting within `horizonMs`, with someone
     * registered — and the database's time they were read at (the time reminders are due by).
     */
    async remindable(horizonMs: number): Promise<{ now: Date; sessions: Array<{ id: string; startsAt: Date }> }> {
      const rows = await db.query<{ id: string | null; starts_at: Date | null; now: Date }>(
        `select t.id, t.starts_at, n.now from (select now() as now) n
         left join trainings t on t.status = 'scheduled' and t.starts_at > n.now and t.starts_at <= n.now + $1::float8 * interval '1 millisecond'
           and exists (select 1 from training_registrations x where x.training_id = t.id and x.status = 'registered')`,
        [horizonMs],
      );
      return {
        now: rows[0]!.now,
        sessions: rows.flatMap((r) => (r.id && r.starts_at ? [{ id: r.id, startsAt: r.starts_at }] : [])),
      };
    },

    /** What the calendar file needs, with its revision number. */
    async calendarEntry(id: string): Promise<CalendarEntry | undefined> {
      const [row] = await db.query<{
        id: string; title: string; description: string; starts_at: Date; ends_at: Date; meeting_url: string | null; room: string | null;
        host: string; status: 'scheduled' | 'cancelled'; sequence: number; updated_at: Date;
      }>('select id, title, description, starts_at, ends_at, meeting_url, room, host, status, sequence, updated_at from trainings where id = $1', [id]);
      if (!row) return undefined;
      return {
        id: row.id, title: row.title, description: row.description, startsAt: row.starts_at, endsAt: row.ends_at,
        meetingUrl: row.meeting_url, room: row.room, host: row.host, cancelled: row.status === 'cancelled', sequence: row.sequence, updatedAt: row.updated_at,
      };
    },
  };
}
export type TrainingsRepo = ReturnType<typeof trainingsRepo>;
