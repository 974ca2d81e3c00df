import { conflict } from '../../domain/errors.js';
import { directoryEndpoints } from '../contract/endpoints/directory.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/** The Directory admin page (issue 14 §1): the sync's state, and "Sync now". */
export function adminDirectoryRoutes(route: Route, ctx: HttpContext): void {
  const { directory } = ctx;
  route(directoryEndpoints.directoryStatus, async () => {
    const state = await directory.repo.state(directory.now());
    return {
      configured: directory.sync !== undefined,
      everyMinutes: directory.sync ? directory.everyMinutes : null,
      groupId: directory.groupId ?? null,
      running: state.running,
      lastStartedAt: state.lastStartedAt,
      lastFinishedAt: state.lastFinishedAt,
      lastFullAt: state.lastFullAt,
      lastStatus: state.lastStatus,
      lastError: state.lastError,
      lastCounts: state.lastCounts,
      people: state.people,
    };
  });
  route(directoryEndpoints.syncDirectory, async () => {
    const sync = directory.sync;
    if (!sync) throw conflict('directory.notConfigured');
    const run = await sync.start();
    if (!run) throw conflict('directory.running');
    // The round runs on; its outcome shows on the page (and in the log).
    void run().catch((err: unknown) => ctx.log.error({ err }, 'directory sync round failed'));
    return { started: true as const };
  });
}
