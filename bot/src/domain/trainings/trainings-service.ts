import type { AttendanceInput, RegistrationResult, Training, TrainingInput } from '../model/trainings.js';
import { audienceWarnings, type AudienceDirectory, type SaveWarning } from '../audiences/audience-warnings.js';
import { notFound } from '../errors.js';
import type { UrlPolicy } from '../urls/stored-url.js';
import { alreadyIn, checkOpen, isOpen, seatOrWaitlist, whomToPromote } from './registration-rules.js';
import { checkAttendanceTime, checkAttendees, checkChange, checkLinks, checkNew } from './session-rules.js';
import type { Reader, TrainingNotices, TrainingStore, TrainingsUnitOfWork } from './trainings-ports.js';

export interface TrainingsDeps {
  sessions: TrainingsUnitOfWork;
  /** Who is in the directory: saving a session whose audience reaches nobody warns (issue 14 §2). */
  audiences?: AudienceDirectory;
  urlPolicy: UrlPolicy;
  now: () => Date;
}

type Tx = { store: TrainingStore; notices: TrainingNotices };

/** A session as saved, and hints about it (not errors) for the admin. */
export interface SavedSession {
  training: Training;
  warnings: SaveWarning[];
}

/**
 * Planning sessions and taking seats: the rules (capacity, waitlist, who is told what), run
 * in one transaction per change with the session locked first.
 */
export function trainingsService({ sessions, audiences, urlPolicy, now }: TrainingsDeps) {
  /** Gives free seats to the waitlist, first come first served, and tells those who got one. */
  async function fillSeats({ store, notices }: Tx, id: string, session: { capacity: number; status: 'scheduled' | 'cancelled'; startsAt: Date }): Promise<string[]> {
    const promoted = whomToPromote(session.capacity, await store.seats(id), isOpen(session, now()));
    if (promoted.length === 0) return [];
    await store.promote(id, promoted);
    await notices.tell(id, 'seat', promoted);
    return promoted;
  }

  return {
    /** Plans a session; warns (after saving) when its audience reaches nobody or names values nobody holds. */
    async create(body: TrainingInput, by: string): Promise<SavedSession> {
      const input = checkLinks(body, urlPolicy);
      checkNew(input, now());
      const training = await sessions.transaction(async ({ store }) => store.get(await store.create(input, by), by));
      return { training, warnings: await audienceWarnings(audiences, input.audience) };
    },

    /**
     * Changes a session. A larger capacity gives the new seats to the waitlist; a new time or
     * place is news for everyone registered or waiting. Returns who got a seat, and the
     * same warnings about the audience as `create`.
     */
    async update(id: string, body: TrainingInput, by: string): Promise<SavedSession & { promoted: string[] }> {
      const input = checkLinks(body, urlPolicy);
      const saved = await sessions.transaction(async (tx) => {
        const { store, notices } = tx;
        const current = await store.lock(id);
        const change = checkChange(current, current ? (await store.seats(id)).registered : 0, input, now());
        // Nothing new: calendars keep their revision, nobody is told.
        if (!(await store.update(id, input))) return { training: await store.get(id, by), promoted: [] };
        if (change.moved) await notices.voidReminders(id);
        if (change.newsworthy) await notices.tell(id, 'changed', await store.concerned(id));
        const promoted = await fillSeats(tx, id, { capacity: input.capacity, status: 'scheduled', startsAt: new Date(input.startsAt) });
        return { training: await store.get(id, by), promoted };
      });
      return { ...saved, warnings: await audienceWarnings(audiences, input.audience) };
    },

    /** Cancels the session; everyone registered or waiting is told. Twice: nothing more. */
    async cancel(id: string, by: string): Promise<{ training: Training; affected: string[] }> {
      return sessions.transaction(async ({ store, notices }) => {
        const current = await store.lock(id);
        if (!current) throw notFound('Training');
        if (current.status === 'cancelled') return { training: await store.get(id, by), affected: [] };
        await store.cancel(id);
        const affected = await store.concerned(id);
        // Nothing more about it goes out (announcement, reminders), except the news itself.
        await notices.stopAll(id);
        await notices.tell(id, 'cancelled', affected);
        return { training: await store.get(id, by), affected };
      });
    },

    /** A seat if one is free, else a place on the waitlist. Asking again changes nothing. */
    async register(id: string, reader: Reader): Promise<RegistrationResult> {
      return sessions.transaction(async (tx) => {
        const { store } = tx;
        const session = await store.lock(id, reader);
        checkOpen(session, now(), true);
        // A seat free while people wait (someone's record was removed): theirs first.
        await fillSeats(tx, id, session);
        if (alreadyIn(await store.registration(id, reader.id))) return { training: await store.get(id, reader.id), outcome: 'unchanged' };
        const outcome = seatOrWaitlist(session.capacity, (await store.seats(id)).registered);
        await store.enrol(id, reader.id, outcome);
        return { training: await store.get(id, reader.id), outcome };
      });
    },

    /** Gives up the seat (or the waitlist place); a freed seat goes to the first waiting. */
    async unregister(id: string, reader: Reader): Promise<RegistrationResult & { promoted: string[] }> {
      return sessions.transaction(async (tx) => {
        const { store } = tx;
        const session = await store.lock(id, reader);
        checkOpen(session, now(), false);
        if (!(await store.leave(id, reader.id))) return { training: await store.get(id, reader.id), outcome: 'unchanged', promoted: [] };
        const promoted = await fillSeats(tx, id, session);
        return { training: await store.get(id, reader.id), outcome: 'cancelled', promoted };
      });
    },

    /** After the session has started: who came. Only registered people can have attended; all or nothing. */
    async setAttendance(id: string, input: AttendanceInput): Promise<void> {
      await sessions.transaction(async ({ store }) => {
        checkAttendanceTime(await store.lock(id), now());
        checkAttendees(input, new Set(await store.registeredAmong(id, input.attendance.map((a) => a.personId))));
        await store.setAttendance(id, input);
      });
    },
  };
}
export type TrainingsService = ReturnType<typeof trainingsService>;
