#!/usr/bin/env node
// npm run playground: chat with the local Chorus bot in Microsoft 365 Agents Playground,
// a Teams-like web UI that needs no Teams tenant, no tunnel and no bot registration.
// The playground sends activities without a JWT, so the Chorus server must run with no
// MicrosoftAppId (the default for `npm start` locally). Extra arguments are passed on,
// e.g. `npm run playground -- --conversation-id my-chat`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const pkgJson = require.resolve('@microsoft/m365agentsplayground/package.json');
const cli = path.join(path.dirname(pkgJson), require(pkgJson).bin.agentsplayground);

const botPort = process.env.PORT || '3978';
const uiPort = process.env.TEAMSAPPTESTER_PORT || '56150';
const endpoint = `http://127.0.0.1:${botPort}/api/messages`;

const args = [
  cli, 'start',
  '-e', endpoint,
  '-c', 'msteams', // Chorus is a TeamsActivityHandler: it wants Teams-shaped activities
  '-p', uiPort,
  '--disable-telemetry',
  ...process.argv.slice(2),
];
const env = {
  ...process.env,
  // Never try to open a browser (headless machines, CI); we print the address instead.
  TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
  // Its default log file is ./devTools/m365agentsplayground.log; keep the work tree clean.
  M365_AGENTS_PLAYGROUND_LOGFILE:
    process.env.M365_AGENTS_PLAYGROUND_LOGFILE ?? path.join(tmpdir(), 'chorus-agentsplayground.log'),
};

console.log(`Agents Playground -> bot at ${endpoint}`);
console.log('  The Chorus server must be running in another terminal: npm start');
console.log(`  (no MicrosoftAppId set; the playground sends no token). Log: ${env.M365_AGENTS_PLAYGROUND_LOGFILE}`);
console.log(`  Open http://localhost:${uiPort} once it says "Listening" (if the port is taken it picks another and says so).`);

const child = spawn(process.execPath, args, { stdio: 'inherit', env });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
