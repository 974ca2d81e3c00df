import type { CrisisAuditEntry, CrisisOnInput, CrisisState } from '../../http/contract/crisis.js';
import type { Db, Queryable } from '../db.js';
import { iso, isoRequired } from './rows.js';

interface StateRow {
  active: boolean;
  version: number;
  reason: string | null;
  instructions_de: string | null;
  instructions_en: string | null;
  statement_url: string | null;
  spokesperson: string | null;
  notify_everyone: boolean;
  redirect_links: boolean;
  started_at: Date | null;
  ended_at: Date | null;
  refused_shares: number;
}

/** The state plus its version: instances compare versions to notice a switch. */
export type VersionedCrisisState = CrisisState & { version: number };

const toState = (r: StateRow): VersionedCrisisState => ({
  active: r.active,
  version: r.version,
  reason: r.reason,
  instructions: { de: r.instructions_de ?? '', en: r.instructions_en ?? '' },
  statementUrl: r.statement_url,
  spokesperson: r.spokesperson,
  notifyEveryone: r.notify_everyone,
  redirectLinks: r.redirect_links,
  startedAt: iso(r.started_at),
  endedAt: iso(r.ended_at),
  refusedShares: r.refused_shares,
});

const read = async (q: Queryable, lock = false) => {
  const [row] = await q.query<StateRow>(`select * from crisis_state where id = 1${lock ? ' for update' : ''}`);
  return toState(row as StateRow);
};

export interface Actor {
  id: string;
  displayName: string;
}

/**
 * The one crisis switch. On and off are each one transaction that changes the state and
 * writes the audit entry together; switching on while on (or off while off) changes
 * nothing and logs nothing.
 */
export function crisisRepo(db: Db) {
  return {
    state: () => read(db),

    async switchOn(input: CrisisOnInput, actor: Actor): Promise<{ state: VersionedCrisisState; changed: boolean }> {
      return db.transaction(async (tx) => {
        const current = await read(tx, true);
        if (current.active) return { state: current, changed: false };
        await tx.query(
          `update crisis_state set active = true, version = version + 1, reason = $1, instructions_de = $2, instructions_en = $3,
             statement_url = $4, spokesperson = $5, notify_everyone = $6, redirect_links = $7,
             started_at = now(), started_by = $8, ended_at = null, refused_shares = 0, updated_at = now()
           where id = 1`,
          [
            input.reason, input.instructions.de, input.instructions.en, input.statementUrl ?? null, input.spokesperson ?? null,
            input.notifyEveryone, input.redirectLinks, actor.id,
          ],
        );
        // Digests are suppressed, not held: one planned already would go out after the crisis
        // with the week's content, so it is cancelled (the next run plans a new one).
        await tx.query(
          `with stopped as (
             update announcements set status = 'cancelled', cancelled_at = now()
             where subject = 'digest' and status in ('scheduled', 'sending') returning id
           )
           update deliveries set status = 'skipped', reason = 'crisis', claimed_at = null, updated_at = now()
           where announcement_id in (select id from stopped) and status = 'pending'`,
        );
        await tx.query(`insert into crisis_audit (actor_id, actor_name, action, details) values ($1, $2, 'on', $3)`, [
          actor.id, actor.displayName, JSON.stringify(input),
        ]);
        return { state: await read(tx), changed: true };
      });
    },

    async switchOff(actor: Actor): Promise<{ state: VersionedCrisisState; changed: boolean }> {
      return db.transaction(async (tx) => {
        const current = await read(tx, true);
        if (!current.active) return { state: current, changed: false };
        await tx.query(`update crisis_state set active = false, version = version + 1, ended_at = now(), updated_at = now() where id = 1`);
        await tx.query(`insert into crisis_audit (actor_id, actor_name, action, details) values ($1, $2, 'off', $3)`, [
          actor.id, actor.displayName, JSON.stringify({ refusedShares: current.refusedShares, startedAt: current.startedAt }),
        ]);
        return { state: await read(tx), changed: true };
      });
    },

    /** A share attempt while active: counted, never forwarded. */
    async countRefusedShare(): Promise<void> {
      await db.query('update crisis_state set refused_shares = refused_shares + 1 where id = 1 and active');
    },

    async audit(limit = 50): Promise<CrisisAuditEntry[]> {
      const rows = await db.query<{ id: string; at: Date; actor_name: string; action: 'on' | 'off'; details: Record<string, unknown> }>(
        'select id::text as id, at, actor_name, action, details from crisis_audit order by at desc, id desc limit $1',
        [limit],
      );
      return rows.map((r) => ({ id: r.id, at: isoRequired(r.at), actor: r.actor_name, action: r.action, details: r.details }));
    },
  };
}
export type CrisisRepo = ReturnType<typeof crisisRepo>;
