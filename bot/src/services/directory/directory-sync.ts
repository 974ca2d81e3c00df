import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../storage/db.js';
import { directoryRepo, type DirectoryCounts } from '../../storage/repos/directory.js';
import { directoryUser, USER_SELECT, type DirectoryUser } from '../../domain/directory/directory-user.js';
import { DeltaExpired, type GraphClient } from '../graph/graph.js';

export interface DirectorySyncOptions {
  db: Db;
  graph: GraphClient;
  log: Logger;
  now: () => Date;
  /** The tenant the directory belongs to (new people get it). */
  tenantId: string;
  /** Only this group's members (transitively); every round is then a full one. */
  groupId?: string;
}

export type RoundResult = { status: 'busy' } | { status: 'ok' | 'error'; full: boolean; counts: DirectoryCounts; error: string | null };

/**
 * Directory sync (issue 14 §1). A round reads Graph page by page and writes each page before
 * asking for the next (memory does not grow with the directory): the first round and any
 * after an expired delta link read every user (`/users/delta`), later rounds only what changed
 * since the stored delta link. With a group, every round reads the group's members in full.
 * A full round that completes marks people an earlier round saw and this one did not as left.
 * One round at a time across processes (a lease in `directory_sync`, renewed per page).
 */
export function directorySync(o: DirectorySyncOptions) {
  const repo = directoryRepo(o.db);
  const by = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const fullUrl = o.groupId
    ? `/groups/${encodeURIComponent(o.groupId)}/transitiveMembers/microsoft.graph.user?$select=${USER_SELECT}&$top=999`
    : `/users/delta?$select=${USER_SELECT}`;

  /** A whole round; `busy` when another one runs. */
  async function round(): Promise<RoundResult> {
    const run = await start();
    return run ? run() : { status: 'busy' };
  }

  /**
   * Takes the round's lease now and hands back the rest of the round to run (undefined when
   * another round runs): "Sync now" answers only after the lease is taken, so a second click
   * right after is told a round runs.
   */
  async function start(): Promise<(() => Promise<RoundResult>) | undefined> {
    const claimed = await repo.claim(by, o.now());
    return claimed && (() => rest(claimed));
  }

  async function rest(claimed: { round: number; deltaLink: string | null }): Promise<RoundResult> {
    const counts: DirectoryCounts = { pages: 0, seen: 0, created: 0, updated: 0, left: 0, skipped: 0 };
    let full = o.groupId !== undefined || claimed.deltaLink === null;
    let url = o.groupId ? fullUrl : (claimed.deltaLink ?? fullUrl);
    let restarts = 0;
    try {
      for (;;) {
        let page;
        try {
          page = await o.graph.getPage(url);
        } catch (err) {
          // The delta link (or a link of this round) expired: read everything again (twice at most).
          if (!(err instanceof DeltaExpired) || o.groupId || ++restarts > 2) throw err;
          o.log.warn('directory delta link expired: a full sync starts');
          await repo.forgetDeltaLink();
          full = true;
          url = fullUrl;
          continue;
        }
        counts.pages++;
        counts.seen += page.value.length;
        const users: DirectoryUser[] = [];
        for (const raw of page.value) {
          const user = directoryUser(raw);
          if (user) users.push(user);
          else counts.skipped++;
        }
        const applied = await repo.apply(users, { round: claimed.round, tenantId: o.tenantId, now: o.now() });
        counts.created += applied.created;
        counts.updated += applied.updated;
        counts.left += applied.left;
        if (!(await repo.renew(by, o.now()))) throw new Error('another process took over the directory sync');
        const next = page['@odata.nextLink'];
        if (next) {
          url = next;
          continue;
        }
        if (full) counts.left += await repo.markUnseenAsLeft(claimed.round, o.now());
        const deltaLink = o.groupId ? null : (page['@odata.deltaLink'] ?? null);
        await repo.finish(by, o.now(), { status: 'ok', error: null, counts, deltaLink, full });
        if (counts.skipped > 0) o.log.warn({ skipped: counts.skipped }, 'directory entries that are not users were skipped');
        o.log.info({ ...counts, full }, 'directory sync round done');
        return { status: 'ok', full, counts, error: null };
      }
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      await repo.finish(by, o.now(), { status: 'error', error, counts, full }).catch(() => undefined);
      o.log.warn({ error, pages: counts.pages }, 'directory sync round failed; the next round starts from the last good point');
      return { status: 'error', full, counts, error };
    }
  }

  return { round, start, repo };
}
export type DirectorySync = ReturnType<typeof directorySync>;
