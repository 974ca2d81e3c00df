import type { AttendanceInput, Training, TrainingInput } from '../model/trainings.js';
import type { RegistrationStatus, Seats } from './registration-rules.js';
import type { SessionState } from './session-rules.js';

/** Who asks: their id and what decides whether a session is meant for them. */
export interface Reader {
  id: string;
  department: string | null;
  location: string | null;
}

/** News about a session for the people it concerns (reminders are planned by the clock). */
export type TrainingNotice = 'seat' | 'cancelled' | 'changed';

/**
 * What the trainings rules need from storage, inside one transaction. `lock` holds the
 * session until the transaction ends, so the seats a decision is based on cannot change
 * under it: two people racing for the last seat never both get it.
 */
export interface TrainingStore {
  /** The session, locked; `meant`: whether it is meant for `reader` (true without one). Undefined: no such session. */
  lock(id: string, reader?: Reader): Promise<(SessionState & { meant: boolean }) | undefined>;
  seats(id: string): Promise<Seats>;
  registration(id: string, personId: string): Promise<RegistrationStatus | undefined>;
  /** Registers or waitlists the person (again at the end of the queue, after leaving once). */
  enrol(id: string, personId: string, status: 'registered' | 'waitlisted'): Promise<void>;
  /** Gives up a seat or a waitlist place; false when they held neither. */
  leave(id: string, personId: string): Promise<boolean>;
  /** Moves these people from the waitlist to a seat. */
  promote(id: string, people: readonly string[]): Promise<void>;
  /** Everyone registered or waiting. */
  concerned(id: string): Promise<string[]>;
  create(input: TrainingInput, by: string): Promise<string>;
  /** Writes the session as given (a new calendar revision); false when nothing differs (no write). */
  update(id: string, input: TrainingInput): Promise<boolean>;
  cancel(id: string): Promise<void>;
  /** Of these people, those registered (a seat, not the waitlist). */
  registeredAmong(id: string, people: readonly string[]): Promise<string[]>;
  /** Stores who came (and records that it happened). */
  setAttendance(id: string, input: AttendanceInput): Promise<void>;
  /** The session as `readerId` sees it. */
  get(id: string, readerId: string): Promise<Training>;
}

/** What the trainings rules need from the send queue, in the same transaction as the change. */
export interface TrainingNotices {
  /** A card about the session to these people, sent now. */
  tell(trainingId: string, notice: TrainingNotice, people: readonly string[]): Promise<void>;
  /** Reminders planned for the session's old time are void (new ones are planned for the new time). */
  voidReminders(trainingId: string): Promise<void>;
  /** Nothing more about the session goes out (its announcement, reminders). */
  stopAll(trainingId: string): Promise<void>;
}

/** One transaction: the change and its notices are written together, or not at all. */
export interface TrainingsUnitOfWork {
  transaction<T>(work: (tx: { store: TrainingStore; notices: TrainingNotices }) => Promise<T>): Promise<T>;
}
