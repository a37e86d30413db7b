// A local ESLint rule: no import cycle among the modules of the listed folders (type-only imports
// count: a cycle of types is still two modules that cannot be understood one without the other).
// The linted file's own imports come from its syntax tree (what is being edited); the rest of the
// graph from the files on disk, read once per file version.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"`]([^'"`]+)['"`]/g;

/** The file a relative specifier names, or null (a package, or a file that does not exist). */
function resolve(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier.replace(/[?#].*$/, ''));
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

const cache = new Map();

/** The files a file on disk imports (relative specifiers that resolve). */
function importsOnDisk(file) {
  const stamp = fs.statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.imports;
  const text = fs.readFileSync(file, 'utf8');
  const imports = [...text.matchAll(SPECIFIERS)].map((m) => resolve(file, m[1])).filter(Boolean);
  cache.set(file, { stamp, imports });
  return imports;
}

const inside = (file, folders) =>
  folders.some((folder) => file.startsWith(path.join(ROOT, folder) + path.sep));
const name = (file) => path.relative(ROOT, file).split(path.sep).join('/');

/** A path of imports from `start` back to `target`, inside the folders, or null. */
function pathBack(start, target, folders) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length > 0) {
    const trail = queue.shift();
    for (const next of importsOnDisk(trail[trail.length - 1])) {
      if (next === target) return trail;
      if (seen.has(next) || !inside(next, folders)) continue;
      seen.add(next);
      queue.push([...trail, next]);
    }
  }
  return null;
}

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles within the listed folders' },
    schema: [
      {
        type: 'object',
        properties: { folders: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      cycle:
        'Import cycle: {{cycle}}. Invert one dependency (pass a hook or return a command) instead (docs/architecture.md).',
    },
  },
  create(context) {
    const folders = context.options[0]?.folders ?? [];
    const filename = path.resolve(context.filename);
    if (!inside(filename, folders)) return {};
    const check = (sourceNode) => {
      const specifier = sourceNode?.type === 'Literal' ? sourceNode.value : null;
      if (typeof specifier !== 'string') return;
      const target = resolve(filename, specifier);
      if (!target || target === filename || !inside(target, folders)) return;
      const trail = pathBack(target, filename, folders);
      if (!trail) return;
      const cycle = [filename, ...trail, filename].map(name).join(' → ');
      context.report({ node: sourceNode, messageId: 'cycle', data: { cycle } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default noCycle;
