// One directory sync round in a process of its own (npm run bench -- directory), so that its
// peak memory is its own: the real sync from dist/ against the fake Graph of the parent
// process. Prints one JSON line: seconds, counts, and resident memory before and at the peak.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';

const root = path.resolve(import.meta.dirname, '../..');
const kb = (field) => Number(readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(`${field}:`)).split(/\s+/)[1]);
const { openPostgres } = await import(path.join(root, 'dist/bot/storage/db.js'));
const { migrate } = await import(path.join(root, 'dist/bot/storage/migrate.js'));
const { directorySync } = await import(path.join(root, 'dist/bot/services/directory/directory-sync.js'));
const { graphClient, cachedToken, clientSecretToken } = await import(path.join(root, 'dist/bot/services/graph/graph.js'));

const db = openPostgres(process.env.DATABASE_URL);
await migrate(db);
const graph = graphClient({
  baseUrl: `${process.env.GRAPH_URL}/v1.0`,
  token: cachedToken(clientSecretToken({ authorityHost: process.env.GRAPH_URL, tenantId: 'bench-tenant', clientId: 'bench', secret: 'bench' }), () => Date.now()),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});
global.gc?.();
const rssBefore = kb('VmRSS');
const t0 = performance.now();
let result;
if (process.env.MODE === 'read-only') {
  // The baseline: the same pages read and parsed, nothing written.
  let url = `/users/delta?$select=id,displayName,mail,department,officeLocation,preferredLanguage,employeeHireDate,accountEnabled`;
  let users = 0;
  let pages = 0;
  for (;;) {
    const page = await graph.getPage(url);
    pages++;
    users += page.value.length;
    if (!page['@odata.nextLink']) break;
    url = page['@odata.nextLink'];
  }
  result = { status: 'ok', counts: { seen: users, pages } };
} else {
  result = await directorySync({ db, graph, log: pino({ level: 'silent' }), now: () => new Date(), tenantId: 'bench-tenant' }).round();
}
const seconds = (performance.now() - t0) / 1000;
await db.close();
console.log(JSON.stringify({ seconds, result, rssBeforeKb: rssBefore, peakKb: kb('VmHWM') }));
