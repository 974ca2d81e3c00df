import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `atk deploy` (m365agents.yml, azureAppService/zipDeploy) zips the project without what
// .webappignore names, read with gitignore's rules. App Service then runs `npm start`,
// which in production starts dist/bot/main.js and serves the tab from dist/tab without
// building: those files must be in the upload.
const patterns = readFileSync('.webappignore', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));

/** gitignore's rules for the patterns used here: names, `*` within a name, a trailing `/` for folders (no negation, no `**`). */
function ignored(file: string): boolean {
  const parts = file.split('/');
  return patterns.some((p) => {
    if (p.startsWith('!') || p.includes('**')) throw new Error(`this test does not read "${p}"`);
    const folder = p.endsWith('/');
    const name = p.replace(/^\/|\/$/g, '');
    const segment = name.split('/').map((s) => new RegExp(`^${s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
    // A slash at the start or in the middle anchors the pattern to the root; otherwise it matches at any depth.
    const anchored = p.startsWith('/') || name.includes('/');
    const starts = anchored ? [0] : parts.map((_, i) => i);
    return starts.some((i) => {
      const end = i + segment.length;
      const isFolder = end < parts.length;
      return end <= parts.length && segment.every((re, k) => re.test(parts[i + k] ?? '')) && (isFolder || !folder);
    });
  });
}

describe('the Azure upload (.webappignore)', () => {
  it('keeps what a production start runs and serves', () => {
    for (const file of ['package.json', 'package-lock.json', 'scripts/start.mjs', 'scripts/lib/build-if-needed.mjs', 'dist/bot/main.js', 'dist/bot/storage/migrations/index.js', 'dist/tab/index.html', 'dist/tab/assets/index.js']) {
      expect(ignored(file), file).toBe(false);
    }
  });

  it('leaves out local secrets', () => {
    for (const file of ['.localConfigs', '.localConfigs.playground', 'env/.env.dev.user', 'env/.env.local.user', '.env']) {
      expect(ignored(file), file).toBe(true);
    }
    // The committed environment files carry no secrets and may go along.
    expect(ignored('env/.env.dev')).toBe(false);
  });

  it('leaves out sources, tests, local data and installed packages', () => {
    for (const file of ['tab/src/main.tsx', 'tests/integration/process.test.ts', 'docs/screenshots/share-light.png', '.data/PG_VERSION', 'node_modules/pg/package.json', 'appPackage/build/appPackage.dev.zip', '.git/HEAD']) {
      expect(ignored(file), file).toBe(true);
    }
  });
});
