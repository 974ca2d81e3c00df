import { z } from 'zod';
import { GraphStopping, type GraphAnswer, type GraphClient } from '../graph/graph.js';

/**
 * Installing Chorus for one person through Microsoft Graph (issue 14 §3), as Microsoft
 * documents it for proactive installs: install the app from the org catalog for the user
 * (`POST /users/{id}/teamwork/installedApps`; 409: it is there already), find the installation
 * (`GET …/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{catalog id}'`), then read the
 * personal chat with the bot (`GET …/installedApps/{installation id}/chat`). Three requests,
 * each taking a slot of the tenant's pace first (Graph: 30 requests/s per app and tenant on
 * these endpoints). Idempotent: a repeat after any step ends in the same chat.
 */

/** Why an install ended without a chat (the announcement's progress shows it). */
export type InstallFailure =
  /** 403: the application permission or its admin consent is missing, or a policy blocks the app. */
  | 'install_forbidden'
  /** 404: no such user for Teams (never signed in, no licence) or the app is not in the catalog. */
  | 'install_not_found'
  /** Another 4xx: Graph refused the request. */
  | 'install_refused'
  /** Graph answered something that is not what its documentation says (no installation, no chat id). */
  | 'install_bad_answer';

export type InstallOutcome =
  | { kind: 'installed'; chatId: string }
  /** Throttled (429), Graph unavailable (5xx) or unreachable: try again later (Retry-After when given). */
  | { kind: 'retry'; afterMs: number | null; reason: string }
  | { kind: 'failed'; reason: InstallFailure; status: number | null };

export interface AppInstallerOptions {
  graph: Pick<GraphClient, 'call' | 'baseUrl'>;
  /** The app's id in the tenant's app catalog (TEAMS_APP_CATALOG_ID), not the manifest id. */
  catalogId: string;
  /** Waits for the tenant's next request slot; resolves when the request may leave. */
  pace: () => Promise<void>;
  /** Graph answered 429: nobody in the tenant asks again before `ms` from now. */
  throttled: (ms: number) => void;
}

const installations = z.object({
  value: z.array(z.object({ id: z.string().min(1).max(500), teamsApp: z.object({ id: z.string() }).passthrough().optional() }).passthrough()),
});
/** A chat's id as Graph gives it (`19:…@unq.gbl.spaces` for a personal chat): it goes into Bot Connector URLs. */
const chat = z.object({ id: z.string().max(500).regex(/^19:[^\s/?#]+$/) });

/** A 429, a 5xx or no answer: worth another try later. */
class Retry {
  constructor(
    readonly afterMs: number | null,
    readonly reason: string,
  ) {}
}

export function appInstaller(o: AppInstallerOptions) {
  const paced = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<GraphAnswer> => {
    let answer: GraphAnswer;
    try {
      answer = await o.graph.call(method, path, body, o.pace);
    } catch (err) {
      if (err instanceof GraphStopping) throw err;
      throw new Retry(null, 'install_unreachable');
    }
    if (answer.status === 429) {
      o.throttled(answer.retryAfterMs ?? 1000);
      throw new Retry(answer.retryAfterMs, 'install_throttled');
    }
    if (answer.status >= 500) throw new Retry(answer.status === 503 ? answer.retryAfterMs : null, 'install_unavailable');
    // An expired or revoked token is the app's trouble, not the person's: tried again later.
    if (answer.status === 401) throw new Retry(null, 'install_unauthorized');
    return answer;
  };
  const refused = (status: number): InstallOutcome => ({
    kind: 'failed',
    reason: status === 403 ? 'install_forbidden' : status === 404 ? 'install_not_found' : 'install_refused',
    status,
  });

  return {
    /** Installs the app for the user with this Entra object id and reads their chat with the bot. */
    async install(aadObjectId: string): Promise<InstallOutcome> {
      const user = `/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
      try {
        const added = await paced('POST', user, { 'teamsApp@odata.bind': `${o.graph.baseUrl}/appCatalogs/teamsApps/${o.catalogId}` });
        if (added.status !== 201 && added.status !== 200 && added.status !== 409) return refused(added.status);
        const filter = `teamsApp/id eq '${o.catalogId.replace(/'/g, "''")}'`;
        const found = await paced('GET', `${user}?$expand=teamsApp&$filter=${encodeURIComponent(filter)}`);
        if (found.status !== 200) return refused(found.status);
        const listed = installations.safeParse(found.body);
        if (!listed.success) return { kind: 'failed', reason: 'install_bad_answer', status: found.status };
        const installation = listed.data.value.find((v) => v.teamsApp === undefined || v.teamsApp.id === o.catalogId);
        // Right after an install Graph may not list it yet: another try, later.
        if (!installation) return { kind: 'retry', afterMs: null, reason: 'install_not_listed_yet' };
        const answer = await paced('GET', `${user}/${encodeURIComponent(installation.id)}/chat`);
        if (answer.status === 404) return { kind: 'retry', afterMs: null, reason: 'install_chat_not_ready' };
        if (answer.status !== 200) return refused(answer.status);
        const parsed = chat.safeParse(answer.body);
        if (!parsed.success) return { kind: 'failed', reason: 'install_bad_answer', status: answer.status };
        return { kind: 'installed', chatId: parsed.data.id };
      } catch (err) {
        if (err instanceof Retry) return { kind: 'retry', afterMs: err.afterMs, reason: err.reason };
        throw err;
      }
    },
  };
}
export type AppInstaller = ReturnType<typeof appInstaller>;
