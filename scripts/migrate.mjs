// npm run db:migrate: apply pending migrations to DATABASE_URL (or the embedded database).
import { buildIfNeeded, root } from './lib/build-if-needed.mjs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

buildIfNeeded(['bot']);
await import(pathToFileURL(path.join(root, 'dist/bot/migrate-cli.js')).href);
