// A local ESLint plugin: every import specifier is resolved against the importing file to a
// project path, so `../../../map`, `./../map` and `../editor/../map` name the same module as
// `../map` and meet the same layer rule. The rules themselves are data in layerTable.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import noCycle from './cycles.mjs';
import { GUARDED, LAYERS, LIBRARIES, RENDERER_TEST_EXTRAS, TEST_EXTRAS } from './layerTable.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CODE_EXTENSION = /\.(d\.)?[cm]?[jt]sx?$/;
const TEST_FILE = /\.(test|spec|bench)\.[cm]?[jt]sx?$/;

/** A project path (absolute) as a module id: posix, relative to the root, no extension or /index. */
export function moduleId(absolute) {
  const relative = path.relative(ROOT, absolute).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.replace(CODE_EXTENSION, '').replace(/(^|\/)index$/, '') || '.';
}

/** The id a file is judged by: its tests and variants (`x.test`, `x.property.test`) count as `x`. */
const ownerId = (id) => id.replace(/(^|\/)([^/.]+)\.[^/]*$/, '$1$2');

/** Whether `id` is the file or inside the folder `prefix`; `folder/*` and `*` take direct children only. */
function within(id, prefix) {
  if (prefix === '*' || prefix.endsWith('/*')) {
    const folder = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
    return folder === prefix.slice(0, -2);
  }
  return id === prefix || id.startsWith(prefix + '/');
}

/** The layer whose `files` covers `id` most narrowly. */
function layerOf(id) {
  let best = null;
  for (const layer of LAYERS) {
    if (within(id, layer.files) && (!best || layer.files.length > best.files.length)) best = layer;
  }
  return best;
}

/** The package a bare specifier names (`@scope/name`, `name`), after normalising `..` in it. */
function packageName(specifier) {
  const parts = path.posix.normalize(specifier).split('/');
  return parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The problem with importing `specifier` from `filename`, or null. */
export function importProblem(filename, specifier) {
  const from = moduleId(filename);
  if (from === null) return null;
  const fileUrl = specifier.startsWith('file:');
  const clean = fileUrl ? fileURLToPath(specifier.replace(/[?#].*$/, '')) : specifier.replace(/[?#].*$/, '');
  if (!clean.startsWith('.') && !path.isAbsolute(clean)) {
    const name = packageName(clean);
    const owners = LIBRARIES[name];
    if (!owners || owners.some((owner) => within(ownerId(from), owner))) return null;
    return `Only ${owners.join(', ')} imports ${name}: one owner per library (docs/architecture.md).`;
  }
  const target = path.resolve(path.dirname(filename), clean);
  const to = moduleId(target);
  if (to === null) return `${from} imports ${specifier}, which is outside the project.`;
  if (within(to, 'node_modules'))
    return `Import a package by its name, not by a path into node_modules (${specifier}).`;
  const layer = layerOf(from);
  if (!layer)
    return `${from} is in no layer: add its folder to scripts/eslint/layerTable.mjs and docs/architecture.md.`;
  const test = TEST_FILE.test(filename);
  const may = [...layer.may];
  if (test) may.push(...TEST_EXTRAS, ...(from.startsWith('renderer/') ? RENDERER_TEST_EXTRAS : []));
  if (!may.some((prefix) => within(to, prefix))) return `${from} may not import ${to}: ${layer.why}`;
  const guard = GUARDED.find((g) => g.files.some((file) => within(to, file)));
  if (guard && !guard.by.some((prefix) => within(from, prefix)))
    return `${from} may not import ${to}: ${guard.why}`;
  return null;
}

/** The string a node names as its module, when it is a literal. */
function literal(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

const isImportMetaUrl = (node) =>
  node?.type === 'MemberExpression' &&
  node.object.type === 'MetaProperty' &&
  node.object.meta.name === 'import' &&
  node.property.name === 'url';

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the architecture layers and one owner per library' },
    schema: [],
    messages: { layer: '{{problem}}' },
  },
  create(context) {
    const filename = context.filename;
    const check = (sourceNode) => {
      const specifier = literal(sourceNode);
      if (specifier === null) return;
      const problem = importProblem(filename, specifier);
      if (problem) context.report({ node: sourceNode, messageId: 'layer', data: { problem } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
      TSExternalModuleReference: (node) => check(node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
      NewExpression: (node) => {
        // new Worker(new URL('./jobWorker.ts', import.meta.url)): the bundler imports that file.
        const url = node.callee.type === 'Identifier' && node.callee.name === 'URL';
        if (
          url &&
          isImportMetaUrl(node.arguments[1]) &&
          CODE_EXTENSION.test(literal(node.arguments[0]) ?? '')
        )
          check(node.arguments[0]);
      },
    };
  },
};

export default { meta: { name: 'hzw-layers' }, rules: { layers, 'no-cycle': noCycle } };
