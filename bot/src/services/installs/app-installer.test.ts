import { describe, expect, it } from 'vitest';
import { GraphError, GraphStopping, type GraphAnswer } from '../graph/graph.js';
import { appInstaller } from './app-installer.js';

type Call = { method: string; path: string; body?: unknown };

/** An installer over scripted Graph answers, recording the requests and the pace it took. */
function scripted(answers: Array<GraphAnswer | Error>) {
  const calls: Call[] = [];
  const throttles: number[] = [];
  let paced = 0;
  const installer = appInstaller({
    catalogId: 'cat-1',
    graph: {
      baseUrl: 'https://graph.example/v1.0',
      async call(method, path, body, beforeSending) {
        await beforeSending?.();
        calls.push({ method, path, ...(body === undefined ? {} : { body }) });
        const next = answers.shift();
        if (!next) throw new Error('no more answers scripted');
        if (next instanceof Error) throw next;
        return next;
      },
    },
    pace: async () => void paced++,
    throttled: (ms) => throttles.push(ms),
  });
  return { installer, calls, throttles, paced: () => paced };
}
const ok = (status: number, body: unknown = null): GraphAnswer => ({ status, body, retryAfterMs: null });
const found = ok(200, { value: [{ id: 'inst/1', teamsApp: { id: 'cat-1' } }] });
const chat = ok(200, { id: '19:abc@unq.gbl.spaces', chatType: 'oneOnOne' });

describe('installing the app for one person through Graph', () => {
  it('installs, finds the installation and reads the chat, each request on the pace', async () => {
    const g = scripted([ok(201), found, chat]);
    expect(await g.installer.install('user 1')).toEqual({ kind: 'installed', chatId: '19:abc@unq.gbl.spaces' });
    expect(g.calls).toEqual([
      { method: 'POST', path: '/users/user%201/teamwork/installedApps', body: { 'teamsApp@odata.bind': 'https://graph.example/v1.0/appCatalogs/teamsApps/cat-1' } },
      { method: 'GET', path: `/users/user%201/teamwork/installedApps?$expand=teamsApp&$filter=${encodeURIComponent("teamsApp/id eq 'cat-1'")}` },
      { method: 'GET', path: '/users/user%201/teamwork/installedApps/inst%2F1/chat' },
    ]);
    expect(g.paced()).toBe(3);
  });

  it('takes "already installed" (409) as done and reads the chat', async () => {
    expect(await scripted([ok(409), found, chat]).installer.install('u')).toEqual({ kind: 'installed', chatId: '19:abc@unq.gbl.spaces' });
  });

  it('names why an install cannot be done', async () => {
    expect(await scripted([ok(403)]).installer.install('u')).toMatchObject({ kind: 'failed', reason: 'install_forbidden', status: 403 });
    expect(await scripted([ok(404)]).installer.install('u')).toMatchObject({ kind: 'failed', reason: 'install_not_found' });
    expect(await scripted([ok(400)]).installer.install('u')).toMatchObject({ kind: 'failed', reason: 'install_refused' });
    expect(await scripted([ok(201), ok(200, '<html>')]).installer.install('u')).toMatchObject({ reason: 'install_bad_answer' });
    expect(await scripted([ok(201), found, ok(200, { chatType: 'oneOnOne' })]).installer.install('u')).toMatchObject({ reason: 'install_bad_answer' });
    // A chat id goes into Bot Connector URLs: only what Graph's personal chats look like.
    expect(await scripted([ok(201), found, ok(200, { id: '../../v3/conversations/x' })]).installer.install('u')).toMatchObject({ reason: 'install_bad_answer' });
    expect(await scripted([ok(201), found, ok(200, { id: '19:a b@unq.gbl.spaces' })]).installer.install('u')).toMatchObject({ reason: 'install_bad_answer' });
  });

  it('takes the installation of this app, and tries again later when Graph does not list it or its chat yet', async () => {
    const two = ok(200, { value: [{ id: 'other', teamsApp: { id: 'cat-2' } }, { id: 'mine', teamsApp: { id: 'cat-1' } }] });
    const g = scripted([ok(409), two, chat]);
    expect(await g.installer.install('u')).toMatchObject({ kind: 'installed' });
    expect(g.calls[2]?.path).toBe('/users/u/teamwork/installedApps/mine/chat');
    expect(await scripted([ok(201), ok(200, { value: [] })]).installer.install('u')).toEqual({ kind: 'retry', afterMs: null, reason: 'install_not_listed_yet' });
    expect(await scripted([ok(201), found, ok(404)]).installer.install('u')).toEqual({ kind: 'retry', afterMs: null, reason: 'install_chat_not_ready' });
  });

  it('asks for another try when throttled, unavailable or unreachable, and holds the tenant back on a 429', async () => {
    const throttled = scripted([{ status: 429, body: null, retryAfterMs: 7000 }]);
    expect(await throttled.installer.install('u')).toEqual({ kind: 'retry', afterMs: 7000, reason: 'install_throttled' });
    expect(throttled.throttles).toEqual([7000]);
    expect(await scripted([ok(201), { status: 503, body: null, retryAfterMs: 2000 }]).installer.install('u')).toEqual({ kind: 'retry', afterMs: 2000, reason: 'install_unavailable' });
    expect(await scripted([ok(502)]).installer.install('u')).toEqual({ kind: 'retry', afterMs: null, reason: 'install_unavailable' });
    expect(await scripted([new GraphError('Graph is not reachable: ECONNREFUSED')]).installer.install('u')).toEqual({ kind: 'retry', afterMs: null, reason: 'install_unreachable' });
    // An expired or revoked token is the app's trouble: never a permanent "forbidden" for the person.
    expect(await scripted([ok(401)]).installer.install('u')).toEqual({ kind: 'retry', afterMs: null, reason: 'install_unauthorized' });
  });

  it('stops at once when Chorus stops', async () => {
    await expect(scripted([new GraphStopping()]).installer.install('u')).rejects.toThrow('Chorus is stopping');
  });
});
