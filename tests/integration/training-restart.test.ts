import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../bot/src/storage/db.js';
import { connectorClient } from '../../bot/src/teams/connector-client.js';
import { eventually } from '../support/eventually.js';
import { anAdmin } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { moreRuns } from '../support/job-runs.js';
import { api } from '../support/http.js';
import { addReachablePeople } from '../support/reachable.js';
import { createTestDb, usingPostgres } from '../support/test-db.js';
import { startTestServer } from '../support/test-server.js';

// Reminders are planned from the database, not kept in timers: people register while one
// process runs, it stops, the session comes close, and a new process sends the reminder.
describe('training reminders across a restart', () => {
  it('a process started later reminds the people who registered with the one before', async () => {
    const connector = await new FakeBotConnector({ globalRps: 50 }).start();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chorus-restart-'));
    const created = usingPostgres() ? await createTestDb() : undefined;
    const open = async (): Promise<Db> => (created ? openPostgres(created.url as string) : openPglite(dir));
    try {
      const before = await startTestServer({ WORKER: 'false' }, { db: created ? created.db : await open() });
      const admin = await anAdmin(before.db);
      const people = await addReachablePeople(before.db, 2, { serviceUrl: connector.url, prefix: 'restart' });
      await before.db.query('update people set dev_key = display_name where id = any($1::uuid[])', [people.map((p) => p.id)]);
      const start = Date.now() + 48 * 3_600_000;
      const training = await api(before.url, 'POST', '/api/v1/admin/trainings', {
        headers: admin.headers,
        body: { title: 'X for beginners', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), timeZone: 'Europe/Berlin', room: 'Spree', capacity: 5, language: 'en', host: 'Petra' },
      });
      expect(training.status).toBe(201);
      for (const p of people) {
        expect((await api(before.url, 'POST', `/api/v1/trainings/${training.body.training.id}/register`, { headers: { authorization: `Bearer dev.${p.name}` }, body: {} })).status).toBe(200);
      }
      await before.close();

      // While nothing runs, the session comes within the hour.
      const db = await open();
      await db.query(`update trainings set starts_at = now() + interval '40 minutes', ends_at = now() + interval '100 minutes' where id = $1`, [training.body.training.id]);
      const after = await startTestServer({}, {
        db,
        worker: { connector: connectorClient(async () => undefined), tickMs: 50, idleMs: 20 },
        jobs: { pollMs: 20, everyMs: { trainingReminders: 50 } },
      });
      try {
        const reminded = (id: string) => connector.deliveredTo(id).some((r) => JSON.stringify(r.activity).includes('starts in an hour'));
        await eventually(async () => people.every((p) => reminded(p.conversationId)), Boolean, 5_000);
        await moreRuns(db, 'training-reminders'); // more runs: one reminder each, and no "coming up" for under an hour
        for (const p of people) expect(connector.deliveredTo(p.conversationId)).toHaveLength(1);
      } finally {
        await after.close();
      }
    } finally {
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
      if (created) {
        const url = new URL(created.url as string);
        const server = new URL(process.env.DATABASE_URL as string);
        const admin = new pg.Client({ connectionString: server.toString() });
        await admin.connect();
        await admin.query(`drop database if exists ${url.pathname.slice(1)} with (force)`);
        await admin.end();
      }
    }
  });
});
