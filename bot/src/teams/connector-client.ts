import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Config } from '../config.js';
import type { ConnectorAnswer } from '../domain/delivery/send-outcome.js';

/** One answer of the Bot Connector, as the delivery worker needs it. */
export interface ConnectorResult extends ConnectorAnswer {
  /** The id Teams gave the posted activity (for later updates). */
  activityId?: string;
}

export interface ConnectorTarget {
  serviceUrl: string;
  conversationId: string;
}

export interface ConnectorClient {
  send(target: ConnectorTarget, activity: Record<string, unknown>): Promise<ConnectorResult>;
  update(target: ConnectorTarget, activityId: string, activity: Record<string, unknown>): Promise<ConnectorResult>;
}

/** Where the bearer token comes from; undefined: send none (local development, no app id). */
export type TokenSource = () => Promise<string | undefined>;

const TIMEOUT_MS = 30_000;

/**
 * Proactive sends over Bot Connector v3 REST, one HTTP request per call and nothing else.
 * botbuilder's own client retries 429 and 5xx up to three times inside the call; that hides
 * requests from the tenant's pace and swallows Retry-After. The delivery worker decides
 * every retry itself, so it talks to the connector directly and uses botbuilder only for
 * the app's token.
 */
export function connectorClient(tokens: TokenSource): ConnectorClient {
  async function call(method: 'POST' | 'PUT', url: string, activity: Record<string, unknown>): Promise<ConnectorResult> {
    const token = await tokens();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return { status: 0 };
    }
    const body = (await response.json().catch(() => undefined)) as { id?: unknown; error?: { code?: unknown } } | undefined;
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      ...(typeof body?.error?.code === 'string' ? { errorCode: body.error.code } : {}),
      ...(response.ok && typeof body?.id === 'string' ? { activityId: body.id } : {}),
    };
  }

  const base = (t: ConnectorTarget) => `${t.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(t.conversationId)}/activities`;
  return {
    send: (target, activity) => call('POST', base(target), activity),
    update: (target, activityId, activity) =>
      call('PUT', `${base(target)}/${encodeURIComponent(activityId)}`, { ...activity, id: activityId }),
  };
}

/**
 * The bot's token for the Bot Connector, from botbuilder's credential factory (MSAL, cached
 * and refreshed there). No app id: no token, as botbuilder does locally and in the playground.
 */
export function botTokenSource(config: Config): TokenSource {
  if (!config.bot.appId) return async () => undefined;
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
  });
  const loginEndpoint = `https://login.microsoftonline.com/${config.bot.appType === 'MultiTenant' ? 'botframework.com' : config.bot.tenantId}`;
  const credentials = factory.createCredentials(config.bot.appId, 'https://api.botframework.com', loginEndpoint, true);
  return async () => {
    const c = (await credentials) as { getToken?: (force?: boolean) => Promise<string> };
    return c.getToken ? await c.getToken() : undefined;
  };
}
