/** A Teams user as activities carry them. */
export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export const ADA: TeamsUser = { id: '29:ada', aadObjectId: 'aaaaaaaa-0000-0000-0000-0000000000ad', name: 'Ada' };

/** An Adaptive Card as the tests read it. */
export type Card = { body: Array<Record<string, unknown>>; actions?: Array<Record<string, unknown>> };

/**
 * Activities as Teams posts them to /api/messages (personal chat, the given tenant, the
 * fake Bot Connector as service URL), and sending them to the server under test.
 */
export function botTraffic(o: { serviceUrl: () => string; serverUrl: () => string; tenant: string }) {
  let seq = 0;
  return {
    activity(fields: Record<string, unknown>, user: TeamsUser = ADA) {
      return {
        id: `act-${++seq}`,
        timestamp: new Date().toISOString(),
        serviceUrl: o.serviceUrl(),
        channelId: 'msteams',
        from: user,
        conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: o.tenant },
        recipient: { id: '28:chorus-bot', name: 'Chorus' },
        channelData: { tenant: { id: o.tenant } },
        locale: 'en-US',
        ...fields,
      };
    },
    async send(body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
      const res = await fetch(`${o.serverUrl()}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}
