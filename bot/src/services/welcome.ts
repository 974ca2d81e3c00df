import { enqueueIn } from '../notifications/enqueue.js';
import { welcomeKind, type WelcomeCause } from '../notifications/kinds/welcome.js';
import type { Db } from '../storage/db.js';
import { lockWelcomeOf, welcomeStateOf } from '../storage/repos/welcomes.js';

/**
 * Queues the welcome card for one person — the delivery worker sends it at the tenant's
 * pace — unless they have one sent or on its way. Once per person, ever: a second install,
 * a reinstall (also after removing the app), a team join or a new-hire mark later sends
 * nothing more. Only a welcome that reached nobody does not count, so the next install
 * greets them. Only for someone Chorus can reach (a working personal chat): a new hire found
 * before they have Chorus is welcomed when they install it. Returns whether one was queued.
 */
export function welcomeIn(db: Db, personId: string, cause: WelcomeCause): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockWelcomeOf(tx, personId);
    const { reachable, welcomed } = await welcomeStateOf(tx, personId);
    if (!reachable || welcomed) return false;
    return (await enqueueIn(tx, welcomeKind, { personId, cause }, { people: [personId] }, 'now')) !== undefined;
  });
}

/** `welcome(personId, cause)` bound to a database (the bot's install and team-join handlers). */
export const welcomesFor = (db: Db) => ({
  welcome: (personId: string, cause: WelcomeCause) => welcomeIn(db, personId, cause),
});
