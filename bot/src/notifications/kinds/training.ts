import { z } from 'zod';
import type { AdaptiveCard } from '../../cards/adaptive-card.js';
import { trainingCard, trainingCardModel, type TrainingNotice } from '../../cards/training-card.js';
import { defineKind, idRef, type KindDelivery } from '../kind.js';
import type { RenderContext } from '../render-context.js';
import { inGroups, reachable } from '../recipients.js';
import { wants } from '../wants.js';

const everyItem = wants('everyItem');

/** The session is on and has not begun (a condition on `a`). */
export const SESSION_AHEAD = `exists (
  select 1 from trainings t where t.id = (a.payload->>'trainingId')::uuid and t.status = 'scheduled' and t.starts_at > now())`;

/**
 * A session as this person should see it now, with Register / Cancel registration. An
 * announcement goes out only while the session is open; a reminder or a seat notice only to
 * people still registered; a change to those registered or waiting.
 */
export async function trainingCardFor(
  d: KindDelivery<{ trainingId: string }>,
  ctx: RenderContext,
  notice: TrainingNotice,
): Promise<AdaptiveCard | 'training_closed' | 'not_registered'> {
  const training = await ctx.training(d.payload.trainingId, d.personId);
  if (!training) return 'training_closed';
  const open = training.status === 'scheduled' && Date.parse(training.startsAt) > ctx.now();
  if (notice !== 'cancelled' && !open) return 'training_closed';
  if ((notice === 'seat' || notice === 'reminder_24h' || notice === 'reminder_1h') && training.mine.status !== 'registered') return 'not_registered';
  if (notice === 'changed' && training.mine.status !== 'registered' && training.mine.status !== 'waitlisted') return 'not_registered';
  return trainingCard(
    trainingCardModel(training, { notice, tabUrl: ctx.tab('trainings'), recipientUserId: d.conversation.reference.user?.id, now: new Date(ctx.now()) }),
    d.person.language,
  );
}

/** A session announced to its audience (as it is when the send starts), like an item. */
export const trainingKind = defineKind({
  name: 'training',
  payload: z.object({ trainingId: idRef }).strict(),
  audience: ['by_kind'],
  wants: everyItem,
  recipients: reachable(
    { from: 'trainings t', where: `t.id = (s.payload->>'trainingId')::uuid and ${inGroups('t.audience_departments', 't.audience_locations')}` },
    everyItem,
    { install: true },
  ),
  ready: SESSION_AHEAD,
  upkeep: [
    // A session cancelled or begun before its announcement's time: nothing left to announce.
    {
      sql: `update announcements a set status = 'cancelled', cancelled_at = now() from trainings t
            where a.kind = 'training' and a.status = 'scheduled' and t.id = (a.payload->>'trainingId')::uuid
              and (t.status = 'cancelled' or t.starts_at <= now())`,
    },
  ],
  // Announced once; again only after a cancel.
  liveKey: (p) => p.trainingId,
  view: (p) => ({ trainingId: p.trainingId }),
  render: (d, ctx) => trainingCardFor(d, ctx, 'announce'),
});
