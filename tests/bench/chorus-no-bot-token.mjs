// The real Chorus (dist/bot/app.js, as dist/bot/main.js starts it) for a bench that needs an
// app id — Graph access for proactive installs — while its cards go to the fake Bot Connector
// in the bench's process: the only difference is that no Bot Framework token is asked for
// (botbuilder would ask login.microsoftonline.com; the fake takes none). Nothing else is
// replaced: config from the environment, migrations, workers, routes.
import path from 'node:path';
import pino from 'pino';
import { root } from './support.mjs';

const { createApp } = await import(path.join(root, 'dist/bot/app.js'));
const { loadConfig } = await import(path.join(root, 'dist/bot/config.js'));
const { connectorClient } = await import(path.join(root, 'dist/bot/teams/connector-client.js'));

const config = loadConfig();
const app = await createApp(config, pino({ level: config.logLevel }), { worker: { connector: connectorClient(async () => undefined) } });
await app.listen();
const stop = () => app.close().then(() => process.exit(0), () => process.exit(1));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
