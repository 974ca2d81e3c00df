import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADA, botTraffic, type Card } from '../support/bot-traffic.js';
import { anAdmin, type TestPerson } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
let connector: FakeBotConnector;
let s: TestServer;
let admin: TestPerson;

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
  // With the Teams app id, buttons to tab pages are Teams deep links.
  s = await startTestServer({ TEAMS_APP_ID: '00000000-0000-0000-0000-000000000011' });
  admin = await anAdmin(s.db);
});
afterAll(async () => {
  await s?.close();
  await connector?.stop();
});

const { activity, send } = botTraffic({ serviceUrl: () => connector.url, serverUrl: () => s.url, tenant: TENANT });

const cardText = (card: Card) => JSON.stringify(card);
const ada = ADA;
const bo = { id: '29:bo', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000b0', name: 'Bo' };
const invokeRaw = (verb: string, data: Record<string, unknown>, user: typeof ada) =>
  send(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, user));
const invoke = async (verb: string, data: Record<string, unknown>, user: typeof ada) => {
  const res = await invokeRaw(verb, data, user);
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; value: Card };
};
const executes = (card: Card) => (card.actions ?? []).filter((a) => a.type === 'Action.Execute').map((a) => [a.verb, a.title]);
const HOUR = 3_600_000;
const session = (over: Record<string, unknown> = {}) => ({
  title: 'X for beginners', startsAt: new Date(Date.now() + 30 * HOUR).toISOString(), endsAt: new Date(Date.now() + 31 * HOUR).toISOString(),
  timeZone: 'Europe/Berlin', room: 'Berlin, Spree', capacity: 1, language: 'en', host: 'Petra Press', ...over,
});
async function training(over: Record<string, unknown> = {}): Promise<string> {
  const res = await api(s.url, 'POST', '/api/v1/admin/trainings', { headers: admin.headers, body: session(over) });
  expect(res.status).toBe(201);
  return res.body.training.id as string;
}
const mine = async (trainingId: string, user: typeof ada) =>
  (await s.db.query<{ status: string }>(
    'select r.status from training_registrations r join people p on p.id = r.person_id where r.training_id = $1 and p.aad_object_id = $2',
    [trainingId, user.aadObjectId],
  ))[0]?.status;

describe('trainings from the card', () => {
  it('registers, queues and cancels with Action.Execute, answering with the card as it is now for that person', async () => {
    const id = await training();
    const first = await invoke('training.register', { trainingId: id }, ada);
    expect(first.statusCode).toBe(200);
    expect(cardText(first.value)).toContain('You are registered ✓');
    expect(executes(first.value)).toEqual([['training.unregister', 'Cancel registration']]);
    expect(await mine(id, ada)).toBe('registered');

    const second = await invoke('training.register', { trainingId: id }, bo);
    expect(cardText(second.value)).toContain('number 1 on the waitlist');
    expect(executes(second.value)).toEqual([['training.unregister', 'Leave the waitlist']]);

    const left = await invoke('training.unregister', { trainingId: id }, ada);
    expect(await mine(id, ada)).toBe('cancelled');
    expect(executes(left.value)).toEqual([['training.register', 'Join the waitlist']]); // Bo has the seat now
    const bos = await invoke('training.refresh', { trainingId: id }, bo);
    expect(cardText(bos.value)).toContain('You are registered ✓');
    expect(bos.value).toMatchObject({ refresh: { action: { verb: 'training.refresh', data: { trainingId: id } }, userIds: ['29:bo'] } });
    const all = (bos.value.actions ?? []).find((a) => a.title === 'All trainings');
    expect(all?.url).toBe(
      `https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000011/trainings?context=${encodeURIComponent('{"subEntityId":"trainings"}')}`,
    );
  });

  it('shows a cancelled session as cancelled, without register', async () => {
    const id = await training({ capacity: 5 });
    await api(s.url, 'POST', `/api/v1/admin/trainings/${id}/cancel`, { headers: admin.headers, body: {} });
    const res = await invoke('training.register', { trainingId: id }, ada);
    expect(cardText(res.value)).toContain('has been cancelled');
    expect(executes(res.value)).toEqual([]);
    expect(await mine(id, ada)).toBeUndefined();
  });

  it('answers a bad or foreign training id with an error body and registers nothing', async () => {
    const foreign = await training({ audience: { departments: ['Engineering'], locations: [] } });
    for (const trainingId of ['nope', foreign]) {
      const res = await invokeRaw('training.register', { trainingId }, ada);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    }
    expect(await mine(foreign, ada)).toBeUndefined();
  });
});
