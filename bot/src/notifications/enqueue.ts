import type { Queryable } from '../storage/db.js';
import type { Audience, AudienceForm, NotificationKind } from './kind.js';

/** One announcement to queue. */
export interface Enqueue<P> {
  payload: P;
  audience: Audience;
  /** When the cards start going out (once due and ready); 'now': the database's now (the transaction's). */
  when: Date | 'now';
}

const formOf = (a: Audience): AudienceForm => (a === 'by_kind' ? 'by_kind' : 'people' in a ? 'people' : 'groups');

/**
 * Queues announcements of one kind, in one statement, through `q` — the database, or the
 * caller's transaction (the crisis switch, trainings, onboarding: the announcement is
 * written together with the change it is about, or not at all). This is the only place
 * that inserts announcements. Returns the ids of those queued; one whose once/live key is
 * taken already is left out (a digest planned twice, an item announced twice).
 */
export async function enqueueManyIn<P>(
  q: Queryable,
  kind: NotificationKind<P>,
  entries: ReadonlyArray<Enqueue<P>>,
  by?: string | null,
): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = entries.map((e) => {
    const form = formOf(e.audience);
    if (!kind.audience.includes(form)) throw new Error(`a ${kind.name} announcement takes no ${form} audience`);
    // Checked and normalised (ids in lower case, times in UTC) before anything is stored.
    const payload = kind.payload.parse(e.payload);
    return {
      payload,
      audience: e.audience === 'by_kind' ? null : e.audience,
      send_at: e.when === 'now' ? null : e.when.toISOString(),
      once_key: kind.onceKey?.(payload) ?? null,
      live_key: kind.liveKey?.(payload) ?? null,
    };
  });
  const inserted = await q.query<{ id: string }>(
    `insert into announcements (kind, payload, audience, priority, send_at, created_by, once_key, live_key)
     select $1, x.payload, x.audience, $2, coalesce(x.send_at, now()), $3, x.once_key, x.live_key
     from jsonb_to_recordset($4::jsonb) as x(payload jsonb, audience jsonb, send_at timestamptz, once_key text, live_key text)
     on conflict do nothing
     returning id`,
    [kind.name, kind.priority ?? 0, by ?? null, JSON.stringify(rows)],
  );
  return inserted.map((r) => r.id);
}

/** One announcement through `q` (the database or a transaction); undefined when its key is taken. */
export async function enqueueIn<P>(
  q: Queryable,
  kind: NotificationKind<P>,
  payload: P,
  audience: Audience,
  when: Date | 'now',
  by?: string | null,
): Promise<string | undefined> {
  const [id] = await enqueueManyIn(q, kind, [{ payload, audience, when }], by);
  return id;
}

/** `enqueue(kind, payload, audience, when)` bound to a database. */
export function notificationQueue(db: Queryable) {
  return {
    enqueue: <P>(kind: NotificationKind<P>, payload: P, audience: Audience, when: Date | 'now', by?: string | null) =>
      enqueueIn(db, kind, payload, audience, when, by),
  };
}
