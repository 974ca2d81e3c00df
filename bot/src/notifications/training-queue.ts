import type { Queryable } from '../storage/db.js';
import { cancelAnnouncements } from '../storage/repos/crisis-follow-ups.js';
import { enqueueIn } from './enqueue.js';
import { trainingNoticeKind } from './kinds/training-notice.js';
import type { TrainingNotice } from '../domain/trainings/trainings-ports.js';

/**
 * The send queue as the trainings rules use it, in the caller's transaction: news for the
 * people named, and stopping what was planned about a session.
 */
export function trainingQueue(tx: Queryable) {
  /** Cancels announcements about the session not yet done (`which`: a condition on them); pending cards are skipped. */
  const stop = (trainingId: string, which: string) =>
    cancelAnnouncements(tx, `a.payload->>'trainingId' = $2::uuid::text and ${which}`, 'training_closed', [trainingId]);

  return {
    /** A training notice, sent now. */
    async tell(trainingId: string, notice: TrainingNotice, people: readonly string[]): Promise<void> {
      if (people.length === 0) return;
      await enqueueIn(tx, trainingNoticeKind, { trainingId, notice }, { people: [...people] }, 'now');
    },
    /** The reminders of the session's old time (the job runner plans them for the new one). */
    voidReminders: (trainingId: string) =>
      stop(trainingId, `kind = '${trainingNoticeKind.name}' and payload->>'notice' in ('reminder_24h', 'reminder_1h')`),
    /** Everything about the session: its announcement, reminders, notices. */
    stopAll: (trainingId: string) => stop(trainingId, 'true'),
  };
}
