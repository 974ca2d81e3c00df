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
  // http/contract is bundled into the tab: it may reach only the domain.
  contract: ['domain'],
  http: ['domain', 'contract', 'cards', 'base', 'storage', 'notifications', 'services', 'teams', 'jobs'],
  root: ['domain', 'contract', 'cards', 'base', 'storage', 'notifications', 'services', 'teams', 'jobs', 'http'],
};

/** bot/src/config.ts, paths.ts and logger.ts are read by every layer above the domain. */
const BASE_FILES = new Set(['config.ts', 'config.js', 'paths.ts', 'paths.js', 'logger.ts', 'logger.js']);

function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  if (parts.length === 1) return BASE_FILES.has(parts[0]) ? 'base' : 'root';
  if (parts[0] === 'http' && parts[1] === 'contract') return 'contract';
  // A folder the table does not know has no place yet: say so rather than let it import anything.
  return parts[0] in LAYERS ? parts[0] : null;
}

/** The module a node names, for every import form TypeScript has. */
function specifierOf(node) {
  switch (node.type) {
    case 'TSImportType':
      return node.argument?.literal?.value ?? node.argument?.value;
    case 'TSImportEqualsDeclaration':
      return node.moduleReference?.expression?.value;
    case 'ImportExpression':
      return node.source?.type === 'Literal' ? node.source.value : node.source?.type === 'TemplateLiteral' && node.source.expressions.length === 0 ? node.source.quasis[0]?.value.cooked : undefined;
    default:
      return node.source?.value;
  }
}

export const layersRule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      wrongWay: 'bot/src/{{from}} may not import bot/src/{{to}}: dependencies point domain ← storage ← notifications ← services ← teams ← jobs ← http (scripts/lint/layers.mjs)',
      noLayer: 'bot/src/{{folder}} has no layer: add it to LAYERS in scripts/lint/layers.mjs',
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (from === undefined) return {};
    if (from === null) {
      const folder = path.relative(SRC, context.filename).split(path.sep)[0];
      return { Program: (node) => context.report({ node, messageId: 'noLayer', data: { folder } }) };
    }
    const check = (node) => {
      const spec = specifierOf(node);
      if (typeof spec !== 'string' || !(spec.startsWith('.') || spec.startsWith('/'))) return;
      const to = layerOf(path.resolve(path.dirname(context.filename), spec));
      if (to === null) return context.report({ node, messageId: 'noLayer', data: { folder: path.relative(SRC, path.resolve(path.dirname(context.filename), spec)).split(path.sep)[0] } });
      if (to && to !== from && !LAYERS[from].includes(to)) context.report({ node, messageId: 'wrongWay', data: { from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      TSImportType: check,
      TSImportEqualsDeclaration: check,
    };
  },
};
