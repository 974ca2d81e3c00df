import type { Queryable } from '../storage/db.js';
import { enqueueIn } from './enqueue.js';
import { trainingNoticeKind } from './kinds/training-notice.js';
import type { TrainingNotice } from '../domain/trainings/trainings-ports.js';

/**
 * The send queue as the trainings rules use it, in the caller's transaction: news for the
 * people named, and stopping what was planned about a session.
 */
export function trainingQueue(tx: Queryable) {
  /** Cancels announcements about the session not yet done (`which`: a condition on them); pending cards are skipped. */
  async function stop(trainingId: string, which: string): Promise<void> {
    await tx.query(
      `with stopped as (
         update announcements set status = 'cancelled', cancelled_at = now()
         where payload->>'trainingId' = $1::uuid::text and status in ('scheduled', 'sending') and ${which}
         returning id
       )
       update deliveries set status = 'skipped', reason = 'training_closed', updated_at = now()
       where announcement_id in (select id from stopped) and status = 'pending'`,
      [trainingId],
    );
  }

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
