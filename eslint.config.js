// Lint rules carry the architecture: each folder may import only what its layer allows
// (see docs/architecture.md). Layers and library owners are checked on resolved paths by the local
// rule hzw/layers (scripts/eslint/layerTable.mjs); Node built-ins and electron by package name here.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './scripts/eslint/layers.mjs';

const rule = (group, message) => ({ group, message });

const NODE = rule(
  ['node:*', 'fs', 'path', 'os', 'child_process'],
  'Node built-ins belong to electron/main, scripts and tests.',
);
const ELECTRON = rule(['electron', 'electron/*'], 'Only electron/ may import electron.');

function restrict(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'resources'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    plugins: { hzw: layers },
    rules: {
      'hzw/layers': 'error',
      // Editor and storage modules form no import cycle (types included).
      'hzw/no-cycle': ['error', { folders: ['renderer/editor', 'renderer/storage'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'No barrel re-exports inside the app: import from the file that owns it.',
        },
        // Text from files (comment text, names) is shown as React text or escaped markup, never parsed as HTML.
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No raw HTML in the UI: render text as React children (comment text is plain text).',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No innerHTML/outerHTML: set textContent or render React children.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No insertAdjacentHTML: build nodes or React children.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(NODE, ELECTRON),
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowImportNames: ['contextBridge', 'ipcRenderer', 'webUtils'],
              message: 'The preload exposes named functions through contextBridge only.',
            },
          ],
          patterns: [NODE],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(NODE, ELECTRON),
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: restrict(ELECTRON),
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', '**/*.test.ts'],
    languageOptions: { globals: globals.node },
  },
);
