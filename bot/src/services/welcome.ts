import { enqueueIn } from '../notifications/enqueue.js';
import { welcomeKind, type WelcomeCause } from '../notifications/kinds/welcome.js';
import type { Queryable } from '../storage/db.js';
import { conversationsRepo } from '../storage/repos/conversations.js';

/**
 * Queues the welcome card for one person; the delivery worker sends it at the tenant's pace.
 * Only for someone Chorus can reach (a working personal chat): the welcome is once per
 * person, so one queued for someone without a chat would use it up on nobody — a new hire
 * found before they have Chorus is welcomed when they install it. Returns whether a welcome
 * was queued now (false: welcomed or queued before, or not reachable yet).
 */
export async function welcomeIn(q: Queryable, personId: string, cause: WelcomeCause): Promise<boolean> {
  if (!(await conversationsRepo(q).hasPersonalChat(personId))) return false;
  return (await enqueueIn(q, welcomeKind, { personId, cause }, { people: [personId] }, 'now')) !== undefined;
}

/** `welcome(personId, cause)` bound to a database (the bot's install and team-join handlers). */
export const welcomesFor = (db: Queryable) => ({
  welcome: (personId: string, cause: WelcomeCause) => welcomeIn(db, personId, cause),
});
