// Real ids, share tokens and link codes asked from each fresh server, so generated requests
// reach past "not found" to the code that does the work.
import type { Identity, Pool } from './generated-request.js';
import type { ServerChild } from './child-server.js';
import { FUTURE } from './valid-bodies.js';

function emptyPool(): Pool {
  return { item: [], training: [], guideline: [], step: [], announcement: [], person: [], token: [], code: [] };
}

async function json(ctx: { url: string }, method: string, url: string, who: Identity, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(ctx.url + url, {
    method,
    headers: { authorization: `Bearer dev.${who}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.ok ? ((await res.json()) as Record<string, unknown>) : {};
}

const ids = (page: Record<string, unknown>) => ((page.items as Array<{ id: string }> | undefined) ?? []).map((i) => i.id);

/** Real ids, a share token and a link code from the fresh server, so generated requests reach past "not found". */
export async function realIds(server: ServerChild): Promise<Pool> {
  const pool = emptyPool();
  // Items everyone sees first: the ones that get past "not found" for employees too.
  const everyone = ids(await json(server, 'GET', '/api/v1/items?limit=5', 'jonas'));
  pool.item = [...new Set([...everyone, ...ids(await json(server, 'GET', '/api/v1/admin/items?limit=100', 'clara'))])];
  pool.training = ids(await json(server, 'GET', '/api/v1/admin/trainings', 'clara'));
  pool.guideline = ids(await json(server, 'GET', '/api/v1/admin/guidelines', 'clara'));
  pool.step = ids(await json(server, 'GET', '/api/v1/admin/onboarding/steps', 'clara'));
  for (const who of ['clara', 'jonas', 'aylin', 'mia'] as const) {
    pool.person.push(String((await json(server, 'GET', '/api/v1/me', who)).id));
    const live = ids(await json(server, 'GET', '/api/v1/items?limit=3', who));
    for (const itemId of live.slice(0, 2)) {
      const { url } = await json(server, 'POST', `/api/v1/items/${itemId}/share-link`, who);
      const token = String(url ?? '').split('/s/')[1];
      if (!token) continue;
      pool.token.push(token);
      const shared = await fetch(`${server.url}/s/${token}`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ network: 'linkedin', text: '' }),
      });
      const { link } = (shared.ok ? await shared.json() : {}) as { link?: string };
      if (link) pool.code.push(link.split('/l/')[1] as string);
    }
  }
  const announceable = ids(await json(server, 'GET', '/api/v1/items?limit=5', 'clara'));
  for (const itemId of announceable.slice(0, 2)) await json(server, 'POST', `/api/v1/admin/items/${itemId}/announce`, 'clara', { at: FUTURE });
  pool.announcement = ids(await json(server, 'GET', '/api/v1/admin/announcements', 'clara'));
  return pool;
}
