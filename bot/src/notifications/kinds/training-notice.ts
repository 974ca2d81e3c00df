import { z } from 'zod';
import { defineKind, idRef, timeRef } from '../kind.js';
import { reachable } from '../recipients.js';
import { wants } from '../wants.js';
import { SESSION_AHEAD, trainingCardFor } from './training.js';

const unlessStopped = wants('unlessStopped');

/**
 * News about a session for the people it concerns: a seat came free, it changed, it was
 * cancelled (to the people named), or a reminder 24 hours or 1 hour before (to everyone
 * registered when it starts; `reminderFor`: the start it reminds of — a moved session is
 * reminded anew). Nobody who said "stop".
 */
export const trainingNoticeKind = defineKind({
  name: 'training_notice',
  payload: z
    .object({
      trainingId: idRef,
      notice: z.enum(['seat', 'cancelled', 'changed', 'reminder_24h', 'reminder_1h']),
      reminderFor: timeRef.optional(),
    })
    .strict(),
  audience: ['people', 'by_kind'],
  wants: unlessStopped,
  // By key, never by reading everyone: the people named, or the session's registrants.
  recipients: reachable(
    {
      from: `(select x from unnest(s.people) as x
              union
              select r.person_id from training_registrations r
              where s.people is null and r.training_id = (s.payload->>'trainingId')::uuid and r.status = 'registered') as w(person_id)`,
      where: 'p.id = w.person_id',
    },
    unlessStopped,
  ),
  // A cancellation and a seat are news even once the session began; the rest only before.
  ready: `a.payload->>'notice' in ('seat', 'cancelled') or ${SESSION_AHEAD}`,
  onceKey: (p) => (p.notice === 'reminder_24h' || p.notice === 'reminder_1h' ? `${p.trainingId}/${p.notice}/${p.reminderFor ?? ''}` : undefined),
  view: (p) => ({ trainingId: p.trainingId, notice: p.notice }),
  render: (d, ctx) => trainingCardFor(d, ctx, d.payload.notice),
});
