// An ESLint rule that keeps the layers pointing one way: protocol ← client ← app ← shells, the
// renderer seeing only shared/, the server only protocol/ (and shared/). It resolves each relative
// import against the importing file, so the rule holds at any folder depth. (eslint-plugin-boundaries
// does the same job but needs an import resolver for TypeScript paths, which brings a native binary.)

import { dirname, relative, resolve, sep } from 'node:path';

const CLIENT = ['main/ns', 'main/sb', 'main/passport', 'main/client', 'main/net', 'main/storage'];
const BASE = ['shared'];

/** What each layer may import, besides itself. @type {Readonly<Record<string, readonly string[]>>} */
const ALLOWED = {
  shared: [],
  protocol: [...BASE],
  server: ['protocol', ...BASE],
  ...Object.fromEntries(CLIENT.map((layer) => [layer, [...CLIENT, 'protocol', ...BASE]])),
  'main/app': [...CLIENT, 'protocol', ...BASE],
  'main/electron': ['main/app', ...CLIENT, 'protocol', ...BASE],
  'main/web': ['main/app', ...CLIENT, 'protocol', ...BASE],
  'main/cli': ['main/app', ...CLIENT, 'protocol', ...BASE],
  renderer: [...BASE],
};

/** A shell's entry point composes the Local demo: the one place main/ reaches the server. */
const ENTRY_POINTS = new Set(['main/electron/index.ts', 'main/web/cli.ts', 'main/cli/cli.ts']);

/**
 * @param {string} path a path from the project root
 * @returns {string}
 */
function layerOf(path) {
  const [top = '', second] = path.split('/');
  if (top === 'main' && second) return `main/${second}`;
  return top;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers: protocol ← client ← app ← shells; renderer → shared; server → protocol.' },
    schema: [],
    messages: {
      against: '{{from}} may not import {{to}} ({{target}}): the layers point one way (see STYLE and the root README).',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    const from = layerOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    /** @param {import('estree').ImportDeclaration | import('estree').ExportNamedDeclaration | import('estree').ExportAllDeclaration | import('estree').ImportExpression} node */
    const check = (node) => {
      const source = node.source;
      const spec = source && source.type === 'Literal' ? source.value : undefined;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), spec)).split(sep).join('/');
      const to = layerOf(target);
      if (to === from || allowed.includes(to)) return;
      if (isTest && to === 'test') return;
      if (to === 'server' && ENTRY_POINTS.has(file)) return;
      context.report({ node: source ?? node, messageId: 'against', data: { from, to, target } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
