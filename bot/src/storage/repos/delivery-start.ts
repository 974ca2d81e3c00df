import type { Queryable } from '../db.js';
import type { KindSql } from './deliveries.js';

// Starting an announcement: its recipients are fixed in one statement together with the
// status change, so it happens exactly once even when several processes try. Who receives
// it is its kind's SQL (notifications/recipients.ts), run against the started row `s`.

/**
 * The started announcement as kinds' recipient SQL sees it, with the caller's audience as
 * arrays: departments and locations (null unless given as groups), people (null unless named),
 * and `install_tenant` ($2): the tenant whose people Chorus may install the app for
 * (PROACTIVE_INSTALL; null: off).
 */
const STARTED = `update announcements a set status = 'sending', started_at = now()
    where a.id = $1 and a.status = 'scheduled'
      -- Crisis mode holds everything that is not urgent, decided here with the switch's row:
      -- a worker's tick that read "no crisis" a moment before the switch must not start it.
      and (a.priority > 0 or not coalesce((select active from crisis_state where id = 1), false))
    returning a.id, a.kind, a.payload, a.priority, a.created_at, $2::text as install_tenant,
      case when a.audience ? 'departments' then array(select jsonb_array_elements_text(a.audience->'departments')) end as departments,
      case when a.audience ? 'locations' then array(select jsonb_array_elements_text(a.audience->'locations')) end as locations,
      case when a.audience ? 'people' then array(select jsonb_array_elements_text(a.audience->'people'))::uuid[] end as people`;

const statement = (recipients: string) => `with started as (
    ${STARTED}
  ), inserted as (
    insert into deliveries (announcement_id, person_id, conversation_id, tenant_id, priority, activity_id)
    select s.id, r.person_id, r.conversation_id, r.tenant_id, s.priority, r.activity_id
    from started s cross join lateral (${recipients}) r
    on conflict do nothing
    returning person_id, tenant_id, conversation_id
  ), installs as (
    -- Recipients without a chat yet (issue 14 §3): their delivery waits for the install, one
    -- per person. One that ended (installed, failed, idle) or waits for a retry is due again,
    -- with its tries counted afresh; one a worker has in hand is left to it.
    -- In person order, so two starts at once lock the same rows in the same order.
    insert into app_installs (person_id, tenant_id)
    select distinct person_id, tenant_id from inserted where conversation_id is null order by person_id
    on conflict (person_id) do update set status = 'pending', reason = null, attempts = 0, next_attempt_at = now(),
      tenant_id = excluded.tenant_id, updated_at = now()
      where app_installs.status <> 'pending' or app_installs.claimed_at is null
  )
  select exists (select 1 from started) as started, (select count(*)::int from inserted) as recipients`;

/**
 * Starts a due announcement; undefined when another process started it first (or its kind is
 * unknown here). `installTenant`: people of this tenant without a chat may be included, their
 * deliveries waiting for the app's install (PROACTIVE_INSTALL).
 */
export async function startAnnouncement(db: Queryable, kinds: KindSql, announcementId: string, installTenant: string | null = null): Promise<number | undefined> {
  const [row] = await db.query<{ kind: string }>('select kind from announcements where id = $1', [announcementId]);
  const recipients = row && kinds.recipients(row.kind);
  if (recipients === undefined) return undefined;
  const [result] = await db.query<{ started: boolean; recipients: number }>(statement(recipients), [announcementId, installTenant]);
  // Thousands of fresh rows: let the planner know before the worker starts claiming
  // (autovacuum would, a minute later; until then every claim may sort the table).
  if (result?.started && result.recipients >= 1_000) await db.query('analyze deliveries');
  return result?.started ? result.recipients : undefined;
}
