import type { RegistrationStatus } from '../../domain/trainings/registration-rules.js';
import type { Reader, TrainingStore } from '../../domain/trainings/trainings-ports.js';
import type { TrainingInput } from '../../domain/model/trainings.js';
import { recordEvents } from '../events/record-events.js';
import type { Queryable } from '../db.js';
import { FOR_READER, readTraining } from './trainings.js';

/** The stored columns of a session, in the order of the statements below ($2 …). */
export const trainingColumns = (t: TrainingInput) => [
  t.title, t.description, t.startsAt, t.endsAt, t.timeZone, t.meetingUrl ?? null, t.room ?? null, t.capacity, t.language,
  t.audience.departments, t.audience.locations, t.host, t.materialsUrl ?? null,
];

/**
 * Sessions and registrations as the trainings rules (domain/trainings) change them, through
 * `tx` — the caller's transaction. `lock` takes the session's row lock (`for update`): every
 * change to its registrations takes it first, so the seats a decision was based on stay as
 * they were until the transaction ends.
 */
export function trainingStore(tx: Queryable): TrainingStore {
  return {
    async lock(id: string, reader?: Reader) {
      const [t] = await tx.query<{
        status: 'scheduled' | 'cancelled'; starts_at: Date; ends_at: Date; capacity: number; meeting_url: string | null; room: string | null; meant: boolean;
      }>(
        `select t.status, t.starts_at, t.ends_at, t.capacity, t.meeting_url, t.room, ${reader ? FOR_READER : 'true'} as meant
         from trainings t where t.id = $1 for update`,
        reader ? [id, reader.department, reader.location] : [id],
      );
      return t && {
        status: t.status, startsAt: t.starts_at, endsAt: t.ends_at, capacity: t.capacity, meetingUrl: t.meeting_url, room: t.room, meant: t.meant === true, // null (no department) is not meant
      };
    },

    async seats(id) {
      const rows = await tx.query<{ person_id: string; status: 'registered' | 'waitlisted' }>(
        `select person_id, status from training_registrations where training_id = $1 and status in ('registered', 'waitlisted') order by queued`,
        [id],
      );
      return { registered: rows.filter((r) => r.status === 'registered').length, waiting: rows.filter((r) => r.status === 'waitlisted').map((r) => r.person_id) };
    },

    async registration(id, personId) {
      const [row] = await tx.query<{ status: RegistrationStatus }>(
        'select status from training_registrations where training_id = $1 and person_id = $2',
        [id, personId],
      );
      return row?.status;
    },

    async enrol(id, personId, status) {
      await tx.query(
        `insert into training_registrations (training_id, person_id, status) values ($1, $2, $3)
         on conflict (training_id, person_id) do update
           set status = excluded.status, queued = nextval('training_queue_seq'), attended = null, updated_at = now()`,
        [id, personId, status],
      );
    },

    async leave(id, personId) {
      const rows = await tx.query(
        `update training_registrations set status = 'cancelled', updated_at = now()
         where training_id = $1 and person_id = $2 and status in ('registered', 'waitlisted')
         returning status`,
        [id, personId],
      );
      return rows.length > 0;
    },

    async promote(id, people) {
      if (people.length === 0) return;
      await tx.query(
        `update training_registrations set status = 'registered', updated_at = now()
         where training_id = $1 and person_id = any($2::uuid[]) and status = 'waitlisted'`,
        [id, people],
      );
    },

    async concerned(id) {
      const rows = await tx.query<{ person_id: string }>(
        `select person_id from training_registrations where training_id = $1 and status in ('registered', 'waitlisted')`,
        [id],
      );
      return rows.map((r) => r.person_id);
    },

    async create(input, by) {
      const [row] = await tx.query<{ id: string }>(
        `insert into trainings (title, description, starts_at, ends_at, time_zone, meeting_url, room, capacity, language,
           audience_departments, audience_locations, host, materials_url, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
        [...trainingColumns(input), by],
      );
      return row!.id;
    },

    async update(id, input) {
      // Only when something differs: calendars see a new revision only for a real change.
      const rows = await tx.query(
        `update trainings set title = $2, description = $3, starts_at = $4, ends_at = $5, time_zone = $6, meeting_url = $7, room = $8,
           capacity = $9, language = $10, audience_departments = $11, audience_locations = $12, host = $13, materials_url = $14,
           sequence = sequence + 1, updated_at = now()
         where id = $1
           and (title, description, starts_at, ends_at, time_zone, meeting_url, room, capacity, language,
                audience_departments, audience_locations, host, materials_url)
             is distinct from ($2::text, $3::text, $4::timestamptz, $5::timestamptz, $6::text, $7::text, $8::text, $9::int, $10::text,
                $11::text[], $12::text[], $13::text, $14::text)
         returning id`,
        [id, ...trainingColumns(input)],
      );
      return rows.length > 0;
    },

    async cancel(id) {
      await tx.query(`update trainings set status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now() where id = $1`, [id]);
    },

    async registeredAmong(id, people) {
      const rows = await tx.query<{ person_id: string }>(
        `select person_id from training_registrations where training_id = $1 and status = 'registered' and person_id = any($2::uuid[])`,
        [id, people],
      );
      return rows.map((r) => r.person_id);
    },

    async setAttendance(id, input) {
      await tx.query(
        `update training_registrations r set attended = k.attended, updated_at = now()
         from unnest($2::uuid[], $3::boolean[]) as k(person_id, attended)
         where r.training_id = $1 and r.person_id = k.person_id`,
        [id, input.attendance.map((a) => a.personId), input.attendance.map((a) => a.attended)],
      );
      await recordEvents(tx, [{ type: 'training.attendance', subject: `training:${id}`, payload: { trainingId: id, attendance: input.attendance } }]);
    },

    get: (id, readerId) => readTraining(tx, id, readerId),
  };
}
