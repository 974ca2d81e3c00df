// `npm start` and `npm test` build only what changed since the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

const targets = {
  bot: { output: 'dist/bot/main.js', inputs: ['bot/src', 'tsconfig.base.json', 'tsconfig.build.json'] },
  // The tab bundles the API contract from bot/src/http/contract.
  tab: { output: 'dist/tab/index.html', inputs: ['tab', 'bot/src/http/contract', 'bot/src/domain'] },
};

export function buildIfNeeded(which = ['bot', 'tab']) {
  for (const name of which) {
    const t = targets[name];
    const built = mtime(path.join(root, t.output));
    const changed = Math.max(...t.inputs.map((i) => {
      const p = path.join(root, i);
      return existsSync(p) && statSync(p).isDirectory() ? newest(p) : mtime(p);
    }));
    if (built > changed) continue;
    console.log(`Building ${name} …`);
    const result = spawnSync('npm', ['run', `build:${name}`, '--silent'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`Building ${name} failed.`);
      process.exit(result.status ?? 1);
    }
  }
}
