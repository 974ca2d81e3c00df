import { describe, expect, it } from 'vitest';
import { ApiError, ContractError, createApi } from './api.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** The client against a fake fetch that records requests and answers with `answer`. */
function client(answer: { status?: number; body?: unknown }, checkAnswers = true) {
  const sent: Sent[] = [];
  const api = createApi({
    getToken: async () => 'dev.jonas',
    getLanguage: () => 'de',
    checkAnswers,
    fetch: async (url, init) => {
      sent.push({ url: String(url), method: String(init?.method), headers: init?.headers as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status ?? 200 });
    },
  });
  return { api, sent };
}

const TRAINING_ID = '00000000-0000-4000-8000-000000000001';

describe('the API client, derived from the endpoint declarations', () => {
  it('fills path parameters, query and body from the declaration', async () => {
    const { api, sent } = client({ body: { items: [], nextCursor: null } });
    await api.trainings({ query: { view: 'mine', limit: 5 } });
    await api.guidelineVersions({ params: { id: 'a/b' }, query: { cursor: 'c1' } });
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/v1/trainings?view=mine&limit=5',
      'GET /api/v1/admin/guidelines/a%2Fb/versions?cursor=c1',
    ]);
    expect(sent[0]?.headers).toMatchObject({ Authorization: 'Bearer dev.jonas', 'Accept-Language': 'de' });
  });

  it('sends an empty JSON body for actions without one, and the body where there is one', async () => {
    const { api, sent } = client({ status: 204 });
    await api.markNewHire({ params: { id: TRAINING_ID }, body: { until: null } });
    await api.removeOnboardingStep({ params: { id: TRAINING_ID } });
    expect(sent[0]).toMatchObject({ method: 'PUT', url: `/api/v1/admin/people/${TRAINING_ID}/new-hire`, body: { until: null } });
    expect(sent[1]).toMatchObject({ method: 'DELETE', body: undefined });
    const { api: other, sent: posted } = client({ body: {} }, false);
    await other.crisisOff();
    expect(posted[0]).toMatchObject({ method: 'POST', url: '/api/v1/admin/crisis/off', body: {} });
  });

  it('checks answers against the response schema in development and tests', async () => {
    const { api } = client({ body: { items: [{ id: 'x', name: 1 }] } });
    await expect(api.topics()).rejects.toBeInstanceOf(ContractError);
    const { api: good } = client({ body: { items: [{ id: 'x', name: 'Jobs' }] } });
    await expect(good.topics()).resolves.toEqual({ items: [{ id: 'x', name: 'Jobs' }] });
  });

  it('leaves answers unchecked when told to (production builds)', async () => {
    const { api } = client({ body: { items: [{ id: 'x', name: 1 }] } }, false);
    await expect(api.topics()).resolves.toEqual({ items: [{ id: 'x', name: 1 }] });
  });

  it('turns an error body into an ApiError with its code, message and fields', async () => {
    const { api } = client({ status: 400, body: { error: { code: 'invalid', message: 'Einige Felder sind nicht gültig', fields: { q: 'mindestens 2 Zeichen' } } } });
    const failure = await api.newHireCandidates({ query: { q: 'a' } }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'invalid', message: 'Einige Felder sind nicht gültig', fields: { q: 'mindestens 2 Zeichen' } });
  });
});
