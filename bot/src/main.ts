import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { loggableError } from './http/server.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config);
  // What escapes every guard is fatal: the process's state is unknown, so it stops and the
  // supervisor (App Service, systemd, Kubernetes) starts a fresh one. Requests and timers
  // catch their own errors (a 500 for that request, a logged retry for a tick); only a
  // bug that slips past them ends up here — logged once, as JSON, before the exit.
  const fatal = (kind: string) => (err: unknown) => {
    log.fatal({ err: loggableError(err) }, `${kind}: stopping`);
    process.exit(1);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled promise rejection'));
  const app = await createApp(config, log);
  await app.listen();
  const base = config.publicUrl;
  log.info({ port: config.port, database: config.database.kind, auth: config.auth.mode }, 'Chorus is listening');
  if (process.stdout.isTTY || config.env === 'development') {
    console.log(
      [
        '',
        `  Chorus is running (${config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}/` : 'Postgres'}, ${config.auth.mode} sign-in)`,
        `  Tab:           ${base}/tab/`,
        `  Bot endpoint:  ${base}/api/messages`,
        `  Health:        ${base}/healthz`,
        '  Teams playground: in a second terminal run `npm run playground`, then open http://localhost:56150',
        '',
      ].join('\n'),
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('Chorus failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
