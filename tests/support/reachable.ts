import type { Db } from '../../bot/src/storage/db.js';

export interface ReachableOptions {
  /** Where their chats live: the fake Bot Connector's URL. */
  serviceUrl: string;
  tenantId?: string;
  department?: string | null;
  location?: string | null;
  language?: 'de' | 'en';
  /** Preferences row; absent: the defaults (every item, not paused). */
  preferences?: { notificationLevel: 'every' | 'digest' | 'none'; paused?: boolean };
  conversationStatus?: 'active' | 'blocked' | 'gone';
  /** Prefix for names, Teams user ids and conversation ids, so groups can be told apart. */
  prefix?: string;
}

export interface ReachablePerson {
  id: string;
  name: string;
  userId: string;
  conversationId: string;
}

/**
 * People who have Chorus installed in their personal chat, as the bot would have stored
 * them: a person row, a conversation with a Teams-shaped reference, optional preferences.
 * One statement per table, so thousands are quick.
 */
export async function addReachablePeople(db: Db, count: number, o: ReachableOptions): Promise<ReachablePerson[]> {
  const prefix = o.prefix ?? 'p';
  const tenantId = o.tenantId ?? 'tenant-1';
  const rows = await db.query<{ id: string; display_name: string; n: number }>(
    `insert into people (display_name, aad_object_id, tenant_id, department, location, language)
     select $1::text || '-' || n, $1::text || '-aad-' || n || '-' || gen_random_uuid(), $2::text, $3::text, $4::text, $5::text from generate_series(1, $6::int) as n
     returning id, display_name, split_part(display_name, '-', -1)::int as n`,
    [prefix, tenantId, o.department ?? null, o.location ?? null, o.language ?? 'en', count],
  );
  const people = rows
    .sort((a, b) => a.n - b.n)
    .map((r) => ({ id: r.id, name: r.display_name, userId: `29:${r.display_name}`, conversationId: `a:1on1-${r.display_name}-${r.id.slice(0, 8)}` }));
  await db.query(
    `insert into conversations (id, kind, tenant_id, service_url, person_id, reference, status)
     select c, 'personal', $2::text, $3::text, p, jsonb_build_object(
         'user', jsonb_build_object('id', u, 'name', nm),
         'bot', jsonb_build_object('id', '28:chorus-bot', 'name', 'Chorus'),
         'conversation', jsonb_build_object('id', c, 'conversationType', 'personal', 'tenantId', $2::text),
         'channelId', 'msteams', 'serviceUrl', $3::text), $4::text
     from unnest($1::text[], $5::uuid[], $6::text[], $7::text[]) as x(c, p, u, nm)`,
    [people.map((p) => p.conversationId), tenantId, o.serviceUrl, o.conversationStatus ?? 'active', people.map((p) => p.id), people.map((p) => p.userId), people.map((p) => p.name)],
  );
  if (o.preferences) {
    await db.query(
      `insert into preferences (person_id, notification_level, paused) select p, $2::text, $3::boolean from unnest($1::uuid[]) as p`,
      [people.map((p) => p.id), o.preferences.notificationLevel, o.preferences.paused ?? false],
    );
  }
  return people;
}
