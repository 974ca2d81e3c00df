// npm run analytics:backfill: rebuild the analytics dashboard's daily aggregates from the raw
// rows of DATABASE_URL (or the embedded database).
import { buildIfNeeded, root } from './lib/build-if-needed.mjs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

buildIfNeeded(['bot']);
await import(pathToFileURL(path.join(root, 'dist/bot/analytics-backfill-cli.js')).href);
