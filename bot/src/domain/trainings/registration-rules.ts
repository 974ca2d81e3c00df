import { conflict, notFound } from '../errors.js';

/** Where a session stands when someone asks to join or leave it. */
export interface SessionOpenness {
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  /** Meant for the person asking (their department and location are in its audience). */
  meant: boolean;
}

/** What a registration row says about a person; `cancelled`: they left. */
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

/** The seats taken, and who waits for one, first come first. */
export interface Seats {
  registered: number;
  /** Person ids in the order they joined the waitlist. */
  waiting: readonly string[];
}

/** A session takes people until it starts, unless it was cancelled. */
export const isOpen = (session: Pick<SessionOpenness, 'status' | 'startsAt'>, now: Date): boolean =>
  session.status === 'scheduled' && session.startsAt.getTime() > now.getTime();

/**
 * Refuses a registration change the session no longer allows. Joining needs the session to
 * be meant for the person; leaving never does (the audience or their department may have
 * changed since they registered).
 */
export function checkOpen(session: SessionOpenness | undefined, now: Date, joining: boolean): asserts session is SessionOpenness {
  if (!session || (joining && !session.meant)) throw notFound('Training'); // not meant for them: as if it did not exist
  if (session.status === 'cancelled') throw conflict('training.cancelled');
  if (session.startsAt.getTime() <= now.getTime()) throw conflict('training.started');
}

/** A newcomer gets a seat while one is free, else a place on the waitlist. */
export const seatOrWaitlist = (capacity: number, registered: number): 'registered' | 'waitlisted' =>
  registered < capacity ? 'registered' : 'waitlisted';

/** Asking again changes nothing: someone already registered or waiting keeps their place. */
export const alreadyIn = (status: RegistrationStatus | undefined): boolean => status === 'registered' || status === 'waitlisted';

/**
 * Who gets the free seats (a seat freed, capacity grown, a record removed): the first
 * people waiting, in order, as many as there are free seats. Nobody once the session has
 * begun or was cancelled.
 */
export function whomToPromote(capacity: number, seats: Seats, open: boolean): string[] {
  if (!open) return [];
  const free = Math.max(capacity - seats.registered, 0);
  return seats.waiting.slice(0, free);
}
