import { recordEvents } from '../events/record-events.js';
import type { VersionedCrisisState } from '../../domain/crisis/crisis-state.js';
import type { CrisisAuditEntry, CrisisOnInput } from '../../domain/model/crisis.js';
import type { Page } from '../../domain/model/common.js';
import type { Db, Queryable } from '../db.js';
import { keysetPage } from '../keyset.js';
import { storedUrl } from '../../domain/urls/stored-url.js';
import { enqueueIn, enqueueManyIn } from '../../notifications/enqueue.js';
import { EVERYONE } from '../../notifications/kind.js';
import { allClearKind } from '../../notifications/kinds/all-clear.js';
import { cardUpdateKind } from '../../notifications/kinds/card-update.js';
import { crisisNoticeKind } from '../../notifications/kinds/crisis-notice.js';
import { itemKind } from '../../notifications/kinds/item.js';
import { chorusKinds, type KindRegistry } from '../../notifications/registry.js';
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

export interface Actor {
  id: string;
  displayName: string;
}

/**
 * The one crisis switch. On and off are each one transaction that changes the state and
 * writes the audit entry together; switching on while on (or off while off) changes
 * nothing and logs nothing.
 */
export interface CrisisOptions {
  /** Cards delivered within this many days are updated in place on a switch; 0: none are. */
  updateDays: number;
  /** The kinds a switch may cancel, each by its own rule (default: Chorus's own). */
  kinds?: KindRegistry;
}

/**
 * Deliveries whose card reached Teams, or may still: sent, or in a sender's hand when
 * cancelled. The follow-up starts once nothing is in hand and takes only the sent ones.
 */
const REACHED = `(d.status = 'sent' or (d.status = 'skipped' and d.claimed_at is not null))`;
/** How far back a switch-off looks for paused cards and crisis cards not yet undone. */
const FOLLOW_UP_WINDOW = `interval '30 days'`;

/**
 * Stops what a switch makes void (each kind says which: crisis/cancelOnSwitchOn|Off): what
 * is pending is skipped with the reason. Rows a sender has in hand keep their claimed_at
 * until the sender lets go of them (recording the card as sent if Teams took it), so the
 * follow-up of this one (the restore, the all-clear) can wait for them and then include
 * exactly the cards that arrived.
 */
async function cancelAnnouncements(tx: Queryable, where: string, reason: string): Promise<void> {
  await tx.query(
    `with stopped as (
       update announcements a set status = 'cancelled', cancelled_at = now()
       where (${where}) and a.status in ('scheduled', 'sending') returning a.id
     )
     update deliveries set status = 'skipped', reason = $1, updated_at = now()
     where announcement_id in (select id from stopped) and status = 'pending'`,
    [reason],
  );
}

export function crisisRepo(db: Db, options: CrisisOptions = { updateDays: 14 }) {
  const kinds = options.kinds ?? chorusKinds;
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
        // with the week's content, so it is cancelled (the next run plans a new one). So are
        // the follow-ups of an earlier switch-off still going out (restores, the all-clear).
        await cancelAnnouncements(tx, kinds.crisisCancels('on'), 'crisis');
        // Cards delivered recently are paused in place, one update per item announcement.
        if (options.updateDays > 0) {
          const sources = await tx.query<{ id: string; item_id: string; covers_from: Date }>(
            `select a.id, a.payload->>'itemId' as item_id, now() - $1 * interval '1 day' as covers_from
             from announcements a
             where a.kind = '${itemKind.name}' and a.id in (
               select distinct d.announcement_id from deliveries d
               where d.status = 'sent' and d.activity_id is not null and d.sent_at > now() - $1 * interval '1 day')`,
            [options.updateDays],
          );
          await enqueueManyIn(
            tx,
            cardUpdateKind,
            sources.map((a) => ({
              payload: { itemId: a.item_id, sourceAnnouncementId: a.id, cardState: 'paused' as const, coversFrom: a.covers_from.toISOString() },
              audience: 'by_kind' as const,
              when: 'now' as const,
            })),
            actor.id,
          );
        }
        if (input.notifyEveryone) await enqueueIn(tx, crisisNoticeKind, {}, EVERYONE, 'now', actor.id);
        await tx.query(`insert into crisis_audit (actor_id, actor_name, action, details) values ($1, $2, 'on', $3)`, [
          actor.id, actor.displayName, JSON.stringify(input),
        ]);
        const state = await read(tx);
        await recordEvents(tx, [{ type: 'crisis.switched', subject: 'crisis', payload: { active: true, version: state.version } }]);
        return { state, changed: true };
      });
    },

    async switchOff(actor: Actor): Promise<{ state: VersionedCrisisState; changed: boolean }> {
      return db.transaction(async (tx) => {
        const current = await read(tx, true);
        if (!current.active) return { state: current, changed: false };
        await tx.query(`update crisis_state set active = false, version = version + 1, ended_at = now(), updated_at = now() where id = 1`);
        // What the switch-on started and has not finished stops; what it did is undone:
        // paused cards go back to normal, and whoever got the crisis notice hears "all clear".
        await cancelAnnouncements(tx, kinds.crisisCancels('off'), 'crisis_over');
        // Not only this crisis's: a quick on-off-on may have cancelled an earlier restore or
        // all-clear midway. Each follow-up skips whoever an earlier one of its source reached.
        const notUndone = `a.created_at > now() - ${FOLLOW_UP_WINDOW}
             and exists (select 1 from deliveries d where d.announcement_id = a.id and ${REACHED})
             and not exists (select 1 from announcements r where r.payload->>'sourceAnnouncementId' = a.id::text and r.status = 'done')`;
        const paused = await tx.query<{ id: string; item_id: string }>(
          `select a.id, a.payload->>'itemId' as item_id from announcements a
           where a.kind = '${cardUpdateKind.name}' and a.payload->>'cardState' = 'paused' and ${notUndone}`,
        );
        await enqueueManyIn(
          tx,
          cardUpdateKind,
          paused.map((a) => ({
            payload: { itemId: a.item_id, sourceAnnouncementId: a.id, cardState: 'normal' as const },
            audience: 'by_kind' as const,
            when: 'now' as const,
          })),
          actor.id,
        );
        const notices = await tx.query<{ id: string }>(`select a.id from announcements a where a.kind = '${crisisNoticeKind.name}' and ${notUndone}`);
        await enqueueManyIn(
          tx,
          allClearKind,
          notices.map((a) => ({ payload: { sourceAnnouncementId: a.id }, audience: 'by_kind' as const, when: 'now' as const })),
          actor.id,
        );
        await tx.query(`insert into crisis_audit (actor_id, actor_name, action, details) values ($1, $2, 'off', $3)`, [
          actor.id, actor.displayName, JSON.stringify({ refusedShares: current.refusedShares, startedAt: current.startedAt }),
        ]);
        const state = await read(tx);
        await recordEvents(tx, [{ type: 'crisis.switched', subject: 'crisis', payload: { active: false, version: state.version } }]);
        return { state, changed: true };
      });
    },

    /** A share attempt while active: counted, never forwarded. */
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
  };
}
export type CrisisRepo = ReturnType<typeof crisisRepo>;
