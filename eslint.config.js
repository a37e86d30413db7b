// Lint rules carry the architecture: each folder may import only what its layer allows
// (see docs/architecture.md). A violation names the layer rule it breaks.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const rule = (group, message) => ({ group, message });

const NODE = rule(
  ['node:*', 'fs', 'path', 'os', 'child_process'],
  'Node built-ins belong to electron/main, scripts and tests.',
);
const ELECTRON = rule(['electron', 'electron/*'], 'Only electron/ may import electron.');
const REACT = rule(['react', 'react-dom', 'react-dom/*', 'react/*'], 'React belongs to renderer/ui.');
const OL = rule(
  ['ol', 'ol/*', 'ol-ext', 'ol-ext/*'],
  'Only renderer/map imports ol and ol-ext: one owner per library.',
);
const DEXIE = rule(['dexie', 'dexie/*'], 'Only renderer/storage imports dexie: one owner per library.');
const APP_ELECTRON = rule(
  ['**/electron/**', '../electron/*'],
  'The renderer and shared code never reach into electron/.',
);
const APP_RENDERER = rule(['**/renderer/**'], 'Only the renderer imports renderer code.');
const layer = (names, why) =>
  rule(
    names.flatMap((n) => [`../${n}`, `../${n}/*`, `../../${n}/*`]),
    why,
  );

function restrict(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'resources'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'No barrel re-exports inside the app: import from the file that owns it.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(NODE, ELECTRON, REACT, OL, DEXIE, APP_ELECTRON, APP_RENDERER),
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(APP_RENDERER, rule(['../preload', '../preload/*'], 'Main never imports the preload.')),
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
          patterns: [NODE, APP_RENDERER, rule(['../main', '../main/*'], 'The preload never imports main.')],
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
    files: ['renderer/platform/**/*.{ts,tsx}', 'renderer/jobs/**/*.ts'],
    rules: restrict(
      NODE,
      ELECTRON,
      APP_ELECTRON,
      REACT,
      OL,
      DEXIE,
      layer(['storage', 'editor', 'map', 'ui'], 'platform and jobs sit at the bottom of the renderer.'),
    ),
  },
  {
    files: ['renderer/storage/**/*.ts'],
    rules: restrict(
      NODE,
      ELECTRON,
      APP_ELECTRON,
      REACT,
      OL,
      layer(['editor', 'map', 'ui'], 'storage sits below editor, map and ui.'),
    ),
  },
  {
    files: ['renderer/editor/**/*.ts'],
    rules: restrict(
      NODE,
      ELECTRON,
      APP_ELECTRON,
      REACT,
      OL,
      DEXIE,
      layer(['map', 'ui'], 'editor rules know nothing of OpenLayers or React.'),
    ),
  },
  {
    files: ['renderer/map/**/*.ts'],
    rules: restrict(NODE, ELECTRON, APP_ELECTRON, REACT, DEXIE, layer(['ui'], 'map sits below ui.')),
  },
  {
    files: ['renderer/ui/**/*.{ts,tsx}', 'renderer/*.{ts,tsx}'],
    rules: restrict(NODE, ELECTRON, APP_ELECTRON, OL, DEXIE),
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: restrict(ELECTRON, APP_RENDERER, APP_ELECTRON),
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', '**/*.test.ts'],
    languageOptions: { globals: globals.node },
  },
);
