// The architecture's import rules as data (docs/architecture.md, "Folders and layers").
// Paths are project-relative module ids: posix, no extension, no trailing /index. A prefix names a
// folder or one file ("electron/main/atomicWrite"); a file's own tests count as the file.

const SEE = ' (docs/architecture.md)';

/** Who may import what. `files` ending in `/*` covers only the files directly in that folder. */
export const LAYERS = [
  {
    files: 'shared',
    may: ['shared'],
    why: 'shared/ is pure TypeScript that runs in Node, workers and the page: it imports only shared/.',
  },
  {
    files: 'electron/main',
    may: ['electron/main', 'shared'],
    why: 'electron/main imports only shared/: never the preload, the renderer or scripts.',
  },
  {
    files: 'electron/preload',
    may: ['electron/preload', 'shared'],
    why: 'The preload imports only shared/: never main, the renderer or scripts.',
  },
  {
    files: 'renderer/platform',
    may: ['renderer/platform', 'shared'],
    why: 'platform and jobs sit at the bottom of the renderer: they import only shared/.',
  },
  {
    files: 'renderer/jobs',
    may: ['renderer/jobs', 'shared'],
    why: 'platform and jobs sit at the bottom of the renderer: they import only shared/.',
  },
  {
    files: 'renderer/storage',
    may: ['renderer/storage', 'shared'],
    why: 'storage sits below editor, map and ui: it imports only shared/.',
  },
  {
    files: 'renderer/editor',
    may: ['renderer/editor', 'renderer/storage', 'renderer/platform', 'renderer/jobs', 'shared'],
    why: 'editor rules know nothing of OpenLayers or React: editor imports storage, platform, jobs and shared/.',
  },
  {
    files: 'renderer/map',
    may: [
      'renderer/map',
      'renderer/editor',
      'renderer/storage',
      'renderer/platform',
      'renderer/jobs',
      'shared',
    ],
    why: 'map sits below ui: it imports editor and below.',
  },
  {
    files: 'renderer/ui',
    may: [
      'renderer/ui',
      'renderer/map',
      'renderer/editor',
      'renderer/storage',
      'renderer/platform',
      'renderer/jobs',
      'shared',
    ],
    why: 'ui imports the renderer layers and shared/, never electron/ or scripts.',
  },
  {
    files: 'renderer/*',
    may: [
      'renderer/*',
      'renderer/ui',
      'renderer/map',
      'renderer/editor',
      'renderer/storage',
      'renderer/platform',
      'renderer/jobs',
      'shared',
    ],
    why: 'The renderer entry imports the renderer layers and shared/, never electron/ or scripts.',
  },
  {
    files: 'renderer/testing',
    may: ['renderer/testing', 'renderer/editor', 'renderer/storage', 'shared'],
    why: "renderer/testing builds test fixtures on the store: it imports the editor's commands, storage and shared/.",
  },
  {
    files: 'scripts',
    may: ['scripts', 'shared', 'electron/main/atomicWrite', 'electron-builder.config'],
    why: 'scripts (the hzw CLI, build tools) import shared/, electron/main/atomicWrite.ts and the packaging configuration, never the renderer.',
  },
  {
    files: 'e2e',
    may: ['e2e', 'shared', 'scripts'],
    why: 'End-to-end specs drive the built app: they import shared/ and scripts, never renderer/ or electron/.',
  },
  {
    files: 'bench',
    may: ['bench', 'shared', 'scripts', 'playwright.config', 'e2e/fixtures'],
    why: 'Benchmarks drive the built app: they import shared/, scripts, the Playwright config and the e2e fixture servers, never renderer/ or electron/.',
  },
  {
    files: '*',
    may: ['*', 'scripts', 'shared'],
    why: 'Configuration files import scripts and shared/ only.',
  },
].map((layer) => ({ ...layer, why: layer.why + SEE }));

/** What a test may import besides its layer's list. */
export const TEST_EXTRAS = ['docs', 'README.md'];
export const RENDERER_TEST_EXTRAS = ['renderer/testing'];

/** Files that only some layers may import although their folder is open to more. */
export const GUARDED = [
  {
    // The write path behind the one write door: the Dexie database, commit, change sets, the
    // records and reader the commands build puts with. The rest of storage (store.ts, history.ts,
    // readOnly.ts, referenceLayerStore.ts) is its public face.
    files: [
      'renderer/storage/commit',
      'renderer/storage/commitError',
      'renderer/storage/changeSet',
      'renderer/storage/storedChanges',
      'renderer/storage/sameRecord',
      'renderer/storage/validateRecord',
      'renderer/storage/writeLock',
      'renderer/storage/writeDoorMark',
      'renderer/storage/connection',
      'renderer/storage/outsideHistory',
      'renderer/storage/records',
      'renderer/storage/reader',
      'renderer/storage/database',
      'renderer/storage/migrations',
      'renderer/storage/versionCapture',
      'renderer/storage/versionStore',
      'renderer/storage/versionBasis',
      'renderer/storage/versionChecks',
      'renderer/storage/versionRecords',
    ],
    by: ['renderer/storage', 'renderer/editor'],
    why:
      "Storage's write path (commit, change sets, the database) is reached only through renderer/editor: one write door." +
      SEE,
  },
];

/** One owner per library: only these files or folders import the package (their tests included). */
export const LIBRARIES = {
  dexie: ['renderer/storage'],
  ol: ['renderer/map'],
  'ol-ext': ['renderer/map'],
  react: ['renderer/ui', 'renderer/main'],
  'react-dom': ['renderer/ui', 'renderer/main'],
  fflate: ['shared/formats/zip'],
  'sql.js': ['shared/formats/geopackage'],
  'fast-xml-parser': ['shared/formats/kml'],
  jsts: ['shared/geometry/jsts'],
  flatbush: ['shared/geometry/spatialIndex'],
  proj4: ['shared/crs'],
  'geographiclib-geodesic': ['shared/geometry/ellipsoid'],
  pmtiles: ['renderer/map/tiles'],
};
