// npm start: build what is stale, then run Chorus (embedded database and demo content
// unless DATABASE_URL / AUTH_MODE say otherwise).
import { buildIfNeeded, root } from './lib/build-if-needed.mjs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

// Production runs what the deployment built; it never compiles on start.
if (process.env.NODE_ENV !== 'production') buildIfNeeded(['bot', 'tab']);
await import(pathToFileURL(path.join(root, 'dist/bot/main.js')).href);
