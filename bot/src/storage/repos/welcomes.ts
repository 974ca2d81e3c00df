import type { Queryable } from '../db.js';

/** The welcome kind's name (notifications/kinds/welcome.ts), as stored in announcements.kind. */
const WELCOME = 'welcome';

/**
 * Whoever asks next whether this person has a welcome waits for this transaction: two
 * installs of one person at once (Teams retrying an activity, two processes) queue one.
 */
export async function lockWelcomeOf(tx: Queryable, personId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('chorus.welcome:' || $1::text))`, [personId]);
}

/**
 * Whether Chorus can reach the person (a working personal chat), and whether a welcome was
 * sent to them or is on its way: queued, or started with a card pending or sent. One that
 * reached nobody (the chat was removed or blocked before it went out, Teams refused it, an
 * admin cancelled it first) does not count. One statement: it runs on every install.
 */
export async function welcomeStateOf(q: Queryable, personId: string): Promise<{ reachable: boolean; welcomed: boolean }> {
  const [row] = await q.query<{ reachable: boolean; welcomed: boolean }>(
    `select
       exists (select 1 from conversations c where c.person_id = $1::uuid and c.kind = 'personal' and c.status = 'active') as reachable,
       exists (
         select 1 from announcements a
         where a.kind = '${WELCOME}' and a.payload->>'personId' = lower($1::text)
           and (a.status = 'scheduled'
             or exists (select 1 from deliveries d where d.announcement_id = a.id and d.status in ('pending', 'sent')))
       ) as welcomed`,
    [personId],
  );
  return row ?? { reachable: false, welcomed: false };
}
