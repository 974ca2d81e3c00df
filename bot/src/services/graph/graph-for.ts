import type { Config } from '../../config.js';
import { sleep, type Clock } from '../../domain/time/clock.js';
import { cachedToken, clientSecretToken, graphClient, managedIdentityToken, type GraphClient } from './graph.js';

/**
 * The one app-only Graph client of a process (the directory sync and the app installs share
 * it and its cached token): the bot's client secret or the App Service managed identity, as
 * configured. undefined when the bot's app cannot reach Graph. `signal`: Chorus stops.
 */
export function graphFor(access: Config['directory'], o: { clock: Clock; signal: AbortSignal }): GraphClient | undefined {
  if (!access) return undefined;
  const { credential } = access;
  return graphClient({
    baseUrl: access.graphBaseUrl,
    token: cachedToken(
      credential.kind === 'secret'
        ? clientSecretToken({ authorityHost: credential.authorityHost, tenantId: access.tenantId, clientId: credential.clientId, secret: credential.secret, signal: o.signal })
        : managedIdentityToken({ ...credential, signal: o.signal }),
      () => o.clock.now(),
    ),
    sleep: (ms) => sleep(o.clock, ms, o.signal),
    signal: o.signal,
  });
}
