import { recordEvents } from '../events/record-events.js';
import { conflict, invalid, notFound } from '../../domain/errors.js';
import { msg } from '../../domain/messages/message.js';
import type {
  AttendanceInput,
  MyRegistration,
  RegistrationResult,
  Training,
  TrainingInput,
  TrainingRegistrant,
  TrainingsQuery,
} from '../../domain/model/trainings.js';
import type { Language, Page } from '../../domain/model/common.js';
import type { Db, Queryable } from '../db.js';
import { keysetPage } from '../keyset.js';
import { enqueueIn } from '../../notifications/enqueue.js';
import { announcedAt } from '../../notifications/kinds/training.js';
import { trainingNoticeKind } from '../../notifications/kinds/training-notice.js';
import { isoRequired } from './rows.js';

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

/** Who asks: their id and what decides whether a session is meant for them. */
export interface Reader {
  id: string;
  department: string | null;
  location: string | null;
}

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

/** The session is meant for the person in department `$2` and location `$3` (empty lists: everyone). */
const FOR_READER = `(cardinality(t.audience_departments) = 0 or $2::text = any(t.audience_departments))
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

const columns = (t: TrainingInput) => [
  t.title, t.description, t.startsAt, t.endsAt, t.timeZone, t.meetingUrl ?? null, t.room ?? null, t.capacity, t.language,
  t.audience.departments, t.audience.locations, t.host, t.materialsUrl ?? null,
];

/**
 * Gives freed seats to the waitlist, first come first served. Call inside a transaction
 * holding the training's row lock. Returns who got a seat.
 */
async function promote(tx: Queryable, trainingId: string): Promise<string[]> {
  const rows = await tx.query<{ person_id: string }>(
    `with free as (
       select t.capacity - (select count(*) from training_registrations r where r.training_id = t.id and r.status = 'registered') as seats
       from trainings t where t.id = $1 and t.status = 'scheduled' and t.starts_at > now()
     ), next as (
       select r.person_id from training_registrations r, free
       where r.training_id = $1 and r.status = 'waitlisted'
       order by r.queued limit greatest((select seats from free), 0)
     )
     update training_registrations r set status = 'registered', updated_at = now()
     from next where r.training_id = $1 and r.person_id = next.person_id
     returning r.person_id`,
    [trainingId],
  );
  return rows.map((r) => r.person_id);
}

/** Tells people through the delivery engine (a training notice, sent now), in the caller's transaction. */
async function notify(tx: Queryable, trainingId: string, notice: 'seat' | 'cancelled' | 'changed', people: string[]): Promise<void> {
  if (people.length === 0) return;
  await enqueueIn(tx, trainingNoticeKind, { trainingId, notice }, { people }, 'now');
}

/**
 * Training sessions and registrations. A registration and a cancellation each lock the
 * session's row first, so the seat count they decide on cannot change under them: two
 * people racing for the last seat never both get it, and a freed seat goes to exactly one.
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

  async function get(id: string, reader: Pick<Reader, 'id'>, q: Queryable = db): Promise<Training> {
    const [row] = await q.query<TrainingRow>(`${SELECT} where t.id = $2`, [reader.id, id]);
    if (!row) throw notFound('Training');
    return toTraining(row);
  }

  /**
   * The session locked for a registration change; refuses what cannot change any more.
   * Registering needs the session to be meant for the person; leaving never does (the
   * audience or their department may have changed since they registered).
   */
  async function lockOpen(tx: Queryable, id: string, reader: Reader, joining: boolean): Promise<void> {
    const [t] = await tx.query<{ status: string; started: boolean; meant: boolean }>(
      `select t.status, t.starts_at <= now() as started, ${FOR_READER} as meant from trainings t where t.id = $1 for update`,
      [id, reader.department, reader.location],
    );
    if (!t || (joining && !t.meant)) throw notFound('Training'); // not meant for them: as if it did not exist
    if (t.status === 'cancelled') throw conflict('training.cancelled');
    if (t.started) throw conflict('training.started');
  }

  return {
    get: (id: string, reader: Pick<Reader, 'id'>) => get(id, reader),

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

    /** Admins: every session, newest start first. */
    async all(adminId: string, page: { cursor?: string | undefined; limit: number } = { limit: 200 }): Promise<Page<Training>> {
      return keysetPage(db, {
        ...SELECT_PARTS,
        params: [adminId],
        keys: [{ sql: 't.starts_at', kind: 'timestamp' }, { sql: 't.id', kind: 'uuid' }],
        direction: 'desc',
        page,
        map: toTraining,
      });
    },

    async create(input: TrainingInput, by: string): Promise<Training> {
      const [row] = await db.query<{ id: string }>(
        `insert into trainings (title, description, starts_at, ends_at, time_zone, meeting_url, room, capacity, language,
           audience_departments, audience_locations, host, materials_url, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
        [...columns(input), by],
      );
      return get(row!.id, { id: by });
    },

    /**
     * Changes a session. Capacity may not drop below the people already registered;
     * a larger one gives the new seats to the waitlist. Returns who got a seat.
     */
    async update(id: string, input: TrainingInput, by: string): Promise<{ training: Training; promoted: string[] }> {
      return db.transaction(async (tx) => {
        const [t] = await tx.query<{
          status: string; registered: number; starts_at: Date; ends_at: Date; meeting_url: string | null; room: string | null; changed: boolean;
        }>(
          `select t.status, t.starts_at, t.ends_at, t.meeting_url, t.room,
             (select count(*)::int from training_registrations r where r.training_id = t.id and r.status = 'registered') as registered,
             (t.title, t.description, t.starts_at, t.ends_at, t.time_zone, t.meeting_url, t.room, t.capacity, t.language,
              t.audience_departments, t.audience_locations, t.host, t.materials_url)
               is distinct from ($2::text, $3::text, $4::timestamptz, $5::timestamptz, $6::text, $7::text, $8::text, $9::int, $10::text,
              $11::text[], $12::text[], $13::text, $14::text) as changed
           from trainings t where t.id = $1 for update`,
          [id, ...columns(input)],
        );
        if (!t) throw notFound('Training');
        if (t.status === 'cancelled') throw conflict('training.cancelled');
        if (input.capacity < t.registered) {
          throw invalid({ capacity: msg('training.capacityBelowRegistered', { count: t.registered }) });
        }
        const moved = Date.parse(input.startsAt) !== t.starts_at.getTime() || Date.parse(input.endsAt) !== t.ends_at.getTime();
        if (moved && Date.parse(input.startsAt) <= Date.now()) throw invalid({ startsAt: 'field.future' });
        if (!t.changed) return { training: await get(id, { id: by }, tx), promoted: [] }; // nothing new: calendars keep their revision
        await tx.query(
          `update trainings set title = $2, description = $3, starts_at = $4, ends_at = $5, time_zone = $6, meeting_url = $7, room = $8,
             capacity = $9, language = $10, audience_departments = $11, audience_locations = $12, host = $13, materials_url = $14,
             sequence = sequence + 1, updated_at = now()
           where id = $1`,
          [id, ...columns(input)],
        );
        const where = (input.meetingUrl ?? null) !== t.meeting_url || (input.room ?? null) !== t.room;
        if (moved || where) {
          // Reminders for the old time are void (the worker plans them for the new one), and
          // everyone registered or waiting hears about the change.
          await tx.query(
            `with stopped as (
               update announcements set status = 'cancelled', cancelled_at = now()
               where kind = '${trainingNoticeKind.name}' and payload->>'trainingId' = $1::uuid::text
                 and payload->>'notice' in ('reminder_24h', 'reminder_1h')
                 and status in ('scheduled', 'sending') and ${moved ? 'true' : 'false'}
               returning id
             )
             update deliveries set status = 'skipped', reason = 'training_closed', updated_at = now()
             where announcement_id in (select id from stopped) and status = 'pending'`,
            [id],
          );
          const told = await tx.query<{ person_id: string }>(
            `select person_id from training_registrations where training_id = $1 and status in ('registered', 'waitlisted')`,
            [id],
          );
          await notify(tx, id, 'changed', told.map((r) => r.person_id));
        }
        const promoted = await promote(tx, id);
        await notify(tx, id, 'seat', promoted);
        return { training: await get(id, { id: by }, tx), promoted };
      });
    },

    /** Cancels the session; returns who was registered or waiting (they are to be told). Twice: nothing more. */
    async cancel(id: string, by: string): Promise<{ training: Training; affected: string[] }> {
      return db.transaction(async (tx) => {
        const [t] = await tx.query<{ status: string }>('select status from trainings where id = $1 for update', [id]);
        if (!t) throw notFound('Training');
        if (t.status === 'cancelled') return { training: await get(id, { id: by }, tx), affected: [] };
        await tx.query(`update trainings set status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now() where id = $1`, [id]);
        const rows = await tx.query<{ person_id: string }>(
          `select person_id from training_registrations where training_id = $1 and status in ('registered', 'waitlisted')`,
          [id],
        );
        // Nothing more about it goes out (announcement, reminders), except the news itself.
        await tx.query(
          `with stopped as (
             update announcements set status = 'cancelled', cancelled_at = now()
             where payload->>'trainingId' = $1::uuid::text and status in ('scheduled', 'sending') returning id
           )
           update deliveries set status = 'skipped', reason = 'training_closed', updated_at = now()
           where announcement_id in (select id from stopped) and status = 'pending'`,
          [id],
        );
        const affected = rows.map((r) => r.person_id);
        await notify(tx, id, 'cancelled', affected);
        return { training: await get(id, { id: by }, tx), affected };
      });
    },

    /** A seat if one is free, else a place on the waitlist. Asking again changes nothing. */
    async register(id: string, reader: Reader): Promise<RegistrationResult> {
      return db.transaction(async (tx) => {
        await lockOpen(tx, id, reader, true);
        // A seat free while people wait (someone's record was removed): theirs first.
        await notify(tx, id, 'seat', await promote(tx, id));
        const [mine] = await tx.query<{ status: string }>(
          'select status from training_registrations where training_id = $1 and person_id = $2',
          [id, reader.id],
        );
        if (mine?.status === 'registered' || mine?.status === 'waitlisted') return { training: await get(id, reader, tx), outcome: 'unchanged' };
        const [row] = await tx.query<{ status: 'registered' | 'waitlisted' }>(
          `insert into training_registrations (training_id, person_id, status)
           select t.id, $2, case when (select count(*) from training_registrations r where r.training_id = t.id and r.status = 'registered') < t.capacity
             then 'registered' else 'waitlisted' end
           from trainings t where t.id = $1
           on conflict (training_id, person_id) do update
             set status = excluded.status, queued = nextval('training_queue_seq'), attended = null, updated_at = now()
           returning status`,
          [id, reader.id],
        );
        return { training: await get(id, reader, tx), outcome: row!.status };
      });
    },

    /** Gives up the seat (or the waitlist place); a freed seat goes to the first waiting. */
    async unregister(id: string, reader: Reader): Promise<RegistrationResult & { promoted: string[] }> {
      return db.transaction(async (tx) => {
        await lockOpen(tx, id, reader, false);
        const [mine] = await tx.query<{ status: string }>(
          `update training_registrations set status = 'cancelled', updated_at = now()
           where training_id = $1 and person_id = $2 and status in ('registered', 'waitlisted')
           returning status`,
          [id, reader.id],
        );
        if (!mine) return { training: await get(id, reader, tx), outcome: 'unchanged', promoted: [] };
        const promoted = await promote(tx, id);
        await notify(tx, id, 'seat', promoted);
        return { training: await get(id, reader, tx), outcome: 'cancelled', promoted };
      });
    },

    registrants,

    /** After the session has started: who came. Only registered people can have attended; all or nothing. */
    async setAttendance(id: string, input: AttendanceInput): Promise<TrainingRegistrant[]> {
      await db.transaction(async (tx) => {
        const [t] = await tx.query<{ started: boolean; status: string }>('select starts_at <= now() as started, status from trainings where id = $1 for update', [id]);
        if (!t) throw notFound('Training');
        if (t.status === 'cancelled') throw conflict('training.cancelled');
        if (!t.started) throw conflict('training.attendanceEarly');
        const rows = await tx.query<{ person_id: string }>(
          `select person_id from training_registrations where training_id = $1 and status = 'registered' and person_id = any($2::uuid[])`,
          [id, input.attendance.map((a) => a.personId)],
        );
        const known = new Set(rows.map((r) => r.person_id));
        const unknown = input.attendance.filter((a) => !known.has(a.personId)).length;
        if (unknown > 0) throw invalid({ attendance: msg('training.notRegistered', { count: unknown }) });
        await tx.query(
          `update training_registrations r set attended = k.attended, updated_at = now()
           from unnest($2::uuid[], $3::boolean[]) as k(person_id, attended)
           where r.training_id = $1 and r.person_id = k.person_id`,
          [id, input.attendance.map((a) => a.personId), input.attendance.map((a) => a.attended)],
        );
        await recordEvents(tx, [{ type: 'training.attendance', subject: `training:${id}`, payload: { trainingId: id, attendance: input.attendance } }]);
      });
      return (await registrants(id)).items;
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
