import type { Queryable } from '../db.js';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';
export type ConversationStatus = 'active' | 'blocked' | 'gone';

export interface ConversationRecord {
  id: string;
  kind: ConversationKind;
  tenantId: string;
  serviceUrl: string;
  personId: string | null;
  teamId: string | null;
  /** botbuilder's ConversationReference (kept as Teams sent it). */
  reference: Record<string, unknown>;
}

export function conversationsRepo(db: Queryable) {
  return {
    /**
     * Install and every activity: one row per conversation, refreshed (the service URL can
     * move between regions). An activity also revives a conversation marked blocked or gone.
     */
    async upsert(c: ConversationRecord): Promise<void> {
      await db.query(
        `insert into conversations (id, kind, tenant_id, service_url, person_id, team_id, reference)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (id) do update set
           service_url = excluded.service_url, tenant_id = excluded.tenant_id,
           person_id = coalesce(excluded.person_id, conversations.person_id),
           team_id = coalesce(excluded.team_id, conversations.team_id),
           reference = excluded.reference, status = 'active', updated_at = now()`,
        [c.id, c.kind, c.tenantId, c.serviceUrl, c.personId, c.teamId, JSON.stringify(c.reference)],
      );
    },

    async setStatus(id: string, status: ConversationStatus): Promise<void> {
      await db.query('update conversations set status = $2, updated_at = now() where id = $1', [id, status]);
    },

    /** Uninstall from a team: its channel conversations are gone. */
    async markTeamGone(teamId: string): Promise<void> {
      await db.query(`update conversations set status = 'gone', updated_at = now() where team_id = $1 and kind = 'channel'`, [teamId]);
    },

    async get(id: string): Promise<(ConversationRecord & { status: ConversationStatus }) | undefined> {
      const [row] = await db.query<{
        id: string;
        kind: ConversationKind;
        tenant_id: string;
        service_url: string;
        person_id: string | null;
        team_id: string | null;
        reference: Record<string, unknown>;
        status: ConversationStatus;
      }>('select * from conversations where id = $1', [id]);
      return (
        row && {
          id: row.id,
          kind: row.kind,
          tenantId: row.tenant_id,
          serviceUrl: row.service_url,
          personId: row.person_id,
          teamId: row.team_id,
          reference: row.reference,
          status: row.status,
        }
      );
    },

    /** Whether the person can be reached 1:1 already. */
    async hasPersonalChat(personId: string): Promise<boolean> {
      const rows = await db.query(`select 1 from conversations where person_id = $1 and kind = 'personal' and status = 'active'`, [personId]);
      return rows.length > 0;
    },
  };
}
export type ConversationsRepo = ReturnType<typeof conversationsRepo>;
