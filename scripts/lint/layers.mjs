// An ESLint rule that keeps the server's dependencies pointing one way:
// domain ← storage ← notifications ← services ← teams ← jobs ← http ← the composition root (app.ts).
// services/ binds the domain services to storage and notifications in one transaction.
// It resolves each relative import to its folder under bot/src and checks it against the
// table below. (eslint-plugin-import's no-restricted-paths or eslint-plugin-boundaries do
// the same, but need a TypeScript resolver for our `.js` specifiers; this is 40 lines.)
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '../../bot/src');

/** Which layers each layer may import (besides itself). */
export const LAYERS = {
  domain: [],
  cards: ['domain'],
  base: ['domain'],
  storage: ['domain', 'base'],
  notifications: ['domain', 'cards', 'base', 'storage'],
  services: ['domain', 'cards', 'base', 'storage', 'notifications'],
  teams: ['domain', 'cards', 'base', 'storage', 'notifications', 'services'],
  jobs: ['domain', 'cards', 'base', 'storage', 'notifications', 'services', 'teams'],
  http: ['domain', 'cards', 'base', 'storage', 'notifications', 'services', 'teams', 'jobs'],
  root: ['domain', 'cards', 'base', 'storage', 'notifications', 'services', 'teams', 'jobs', 'http'],
};

/** bot/src/config.ts, paths.ts and logger.ts are read by every layer above the domain. */
const BASE_FILES = new Set(['config.ts', 'config.js', 'paths.ts', 'paths.js', 'logger.ts', 'logger.js']);

function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  if (parts.length === 1) return BASE_FILES.has(parts[0]) ? 'base' : 'root';
  return parts[0] in LAYERS ? parts[0] : undefined;
}

export const layersRule = {
  meta: { type: 'problem', schema: [], messages: { wrongWay: "bot/src/{{from}} may not import bot/src/{{to}}: dependencies point domain ← storage ← notifications ← services ← teams ← jobs ← http (scripts/lint/layers.mjs)" } },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(context.filename), spec));
      if (to && to !== from && !LAYERS[from].includes(to)) context.report({ node, messageId: 'wrongWay', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
