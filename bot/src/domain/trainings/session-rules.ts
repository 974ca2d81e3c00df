import type { AttendanceInput, TrainingInput } from '../model/trainings.js';
import { conflict, invalid, notFound } from '../errors.js';
import { msg } from '../messages/message.js';
import { checkUrls, type UrlPolicy } from '../urls/stored-url.js';

/** A session as its rules see it (the stored one, before a change). */
export interface SessionState {
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  meetingUrl: string | null;
  room: string | null;
}

/** What a change to a session means for the people in it. */
export interface SessionChange {
  /** Its time moved: reminders planned for the old time no longer hold. */
  moved: boolean;
  /** Time or place changed: everyone registered or waiting is told. */
  newsworthy: boolean;
}

/** Links must be https (http://localhost in development), like item destinations, and are stored normalised. */
export function checkLinks(input: TrainingInput, policy: UrlPolicy): TrainingInput {
  const { urls, reasons } = checkUrls({ meetingUrl: input.meetingUrl, materialsUrl: input.materialsUrl }, policy);
  if (Object.keys(reasons).length > 0) throw invalid(reasons);
  return { ...input, ...urls };
}

/** A new session starts in the future. */
export function checkNew(input: TrainingInput, now: Date): void {
  if (Date.parse(input.startsAt) <= now.getTime()) throw invalid({ startsAt: 'field.future' });
}

/**
 * Whether a session may change this way, and what the change means. A cancelled session
 * stays as it was; capacity may not drop below the people already registered; a session
 * moved must move into the future.
 */
export function checkChange(current: SessionState | undefined, registered: number, input: TrainingInput, now: Date): SessionChange {
  if (!current) throw notFound('Training');
  if (current.status === 'cancelled') throw conflict('training.cancelled');
  if (input.capacity < registered) {
    throw invalid({ capacity: msg('training.capacityBelowRegistered', { count: registered }) });
  }
  const moved = Date.parse(input.startsAt) !== current.startsAt.getTime() || Date.parse(input.endsAt) !== current.endsAt.getTime();
  if (moved && Date.parse(input.startsAt) <= now.getTime()) throw invalid({ startsAt: 'field.future' });
  const relocated = (input.meetingUrl ?? null) !== current.meetingUrl || (input.room ?? null) !== current.room;
  return { moved, newsworthy: moved || relocated };
}

/** Attendance is recorded once a session has begun, for a session that took place. */
export function checkAttendanceTime(current: Pick<SessionState, 'status' | 'startsAt'> | undefined, now: Date): void {
  if (!current) throw notFound('Training');
  if (current.status === 'cancelled') throw conflict('training.cancelled');
  if (current.startsAt.getTime() > now.getTime()) throw conflict('training.attendanceEarly');
}

/** Only registered people can have attended; all or nothing. */
export function checkAttendees(input: AttendanceInput, registered: ReadonlySet<string>): void {
  const unknown = input.attendance.filter((a) => !registered.has(a.personId)).length;
  if (unknown > 0) throw invalid({ attendance: msg('training.notRegistered', { count: unknown }) });
}
