import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule (scripts/lint/layers.mjs) through ESLint with the project's own config.
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'chorus/layers').map((m) => m.message);
}

describe('dependencies point one way', () => {
  it('refuses storage importing the HTTP layer, and the domain importing storage', async () => {
    expect(await layerErrors('bot/src/storage/repos/example.ts', "import { x } from '../../http/serve.js';\nexport const y = x;\n"))
      .toEqual([expect.stringContaining('bot/src/storage may not import bot/src/http')]);
    expect(await layerErrors('bot/src/domain/items/example.ts', "export type { Db } from '../../storage/db.js';\n"))
      .toEqual([expect.stringContaining('bot/src/domain may not import bot/src/storage')]);
    expect(await layerErrors('bot/src/cards/example.ts', "import { route } from '../http/serve.js';\nexport const r = route;\n"))
      .toHaveLength(1);
  });

  it('sees imports in type positions and dynamic imports, keeps the tab-bound contract to the domain, and refuses folders without a layer', async () => {
    expect(await layerErrors('bot/src/domain/items/example.ts', "export type D = import('../../storage/db.js').Db;\n"))
      .toEqual([expect.stringContaining('bot/src/domain may not import bot/src/storage')]);
    expect(await layerErrors('bot/src/storage/repos/example.ts', "export const load = () => import(`../../http/serve.js`);\n"))
      .toEqual([expect.stringContaining('bot/src/storage may not import bot/src/http')]);
    expect(await layerErrors('bot/src/http/contract/example.ts', "export type { Db } from '../../storage/db.js';\n"))
      .toEqual([expect.stringContaining('bot/src/contract may not import bot/src/storage')]);
    expect(await layerErrors('bot/src/gadgets/example.ts', 'export const x = 1;\n'))
      .toEqual([expect.stringContaining('bot/src/gadgets has no layer')]);
  });

  it('lets each layer import what lies below it, and tests wire anything', async () => {
    expect(await layerErrors('bot/src/http/routes/example.ts', "import { a } from '../../storage/db.js';\nimport { b } from '../../domain/errors.js';\nexport const c = [a, b];\n")).toEqual([]);
    expect(await layerErrors('bot/src/storage/repos/example.ts', "import { a } from '../../domain/jobs/job-schedule.js';\nimport { b } from '../../config.js';\nexport const c = [a, b];\n")).toEqual([]);
    expect(await layerErrors('bot/src/domain/items/example.test.ts', "import { a } from '../../storage/db.js';\nexport const c = a;\n")).toEqual([]);
  });
});
