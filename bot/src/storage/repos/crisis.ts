import { recordEvents } from '../events/record-events.js';
import type { VersionedCrisisState } from '../../domain/crisis/crisis-state.js';
import type { CrisisStore, CrisisSwitchStore } from '../../domain/crisis/crisis-service.js';
import type { CrisisAuditEntry } from '../../domain/model/crisis.js';
import type { Page } from '../../domain/model/common.js';
import type { Queryable } from '../db.js';
import { keysetPage } from '../keyset.js';
import { storedUrl } from '../../domain/urls/stored-url.js';
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

/**
 * Statement URLs are normalised when stored (`storedUrl`); rows from before that (stored
 * as typed) are normalised when read, and one the gate would refuse is treated as none —
 * it may end up in a `Location` header on every public click.
 */
function legacyUrl(raw: string | null): string | null {
  if (!raw) return null;
  const result = storedUrl(raw, { allowHttpLocalhost: true });
  return result.ok ? result.url : null;
}

export type { VersionedCrisisState };

const toState = (r: StateRow): VersionedCrisisState => ({
  active: r.active,
  version: r.version,
  reason: r.reason,
  instructions: { de: r.instructions_de ?? '', en: r.instructions_en ?? '' },
  statementUrl: legacyUrl(r.statement_url),
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

/**
 * The crisis row inside one switch's transaction: read under lock, written with its audit
 * entry and its `crisis.switched` event. Whether to switch, and what follows, is
 * domain/crisis's; services/crisis.ts runs it all in one transaction.
 */
export function crisisSwitchStore(tx: Queryable): CrisisSwitchStore {
  const switched = async () => {
    const state = await read(tx);
    await recordEvents(tx, [{ type: 'crisis.switched', subject: 'crisis', payload: { active: state.active, version: state.version } }]);
    return state;
  };
  return {
    lockedState: () => read(tx, true),

    async turnOn(input, actor) {
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
      return switched();
    },

    async turnOff() {
      await tx.query(`update crisis_state set active = false, version = version + 1, ended_at = now(), updated_at = now() where id = 1`);
      return switched();
    },

    async audit(actor, action, details) {
      await tx.query(`insert into crisis_audit (actor_id, actor_name, action, details) values ($1, $2, $3, $4)`, [
        actor.id, actor.displayName, action, JSON.stringify(details),
      ]);
    },
  };
}

/** The crisis row outside a switch: what every instance reads, the audit log, refused shares. */
export function crisisRepo(db: Queryable) {
  return {
    state: () => read(db),

    /** Counted only while active (a switch-off may have come first). */
    async countRefusedShare(): Promise<void> {
      await db.query('update crisis_state set refused_shares = refused_shares + 1 where id = 1 and active');
    },

    /** Every switch, newest first. */
    audit(page: { cursor?: string | undefined; limit: number } = { limit: 50 }): Promise<Page<CrisisAuditEntry>> {
      return keysetPage(db, {
        columns: 'id::text as id, at, actor_name, action, details',
        from: 'from crisis_audit',
        keys: [{ sql: 'at', kind: 'timestamp' }, { sql: 'crisis_audit.id', kind: 'int' }],
        direction: 'desc',
        page,
        map: (r: { id: string; at: Date; actor_name: string; action: 'on' | 'off'; details: Record<string, unknown> }) => ({
          id: r.id, at: isoRequired(r.at), actor: r.actor_name, action: r.action, details: r.details,
        }),
      });
    },
  } satisfies CrisisStore;
}
export type CrisisRepo = ReturnType<typeof crisisRepo>;
