// Release packaging (electron-builder): `npm run package` (scripts/package.mjs). Windows NSIS
// installer first; macOS dmg and Linux AppImage are declared for builds on those systems.
// Only the built app (out/main, out/preload, out/renderer, all bundled) ships, inside an asar
// archive; the fuses are flipped in the afterPack hook. `npm run package:check` verifies both.
import afterPack from './scripts/afterPack.mjs';

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'org.heritagezone.workbench',
  productName: 'Heritage Zone Workbench',
  copyright: 'Heritage Zone Workbench',
  directories: { output: 'dist', buildResources: 'resources/build' },
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    // Main is bundled (zod included) and so is the renderer: no library is loaded from disk.
    '!node_modules/**',
    '!**/*.map',
    '!**/*.test.*',
    '!**/*.{ts,tsx,mts,cts}',
    '!**/e2e/**',
    '!**/{README,CHANGELOG,HISTORY}*',
  ],
  asar: true,
  npmRebuild: false,
  electronLanguages: ['zh-CN', 'zh-TW', 'en-US'],
  afterPack,
  fileAssociations: [
    {
      ext: 'hzw',
      name: 'Heritage Zone Workbench project',
      description: '文物保护区划工作台项目 / Heritage Zone Workbench project',
      mimeType: 'application/x-heritage-zone-workbench',
      role: 'Editor',
      icon: 'hzw',
    },
  ],
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // Months of work live in the profile (IndexedDB, backups): uninstalling never deletes it.
    deleteAppDataOnUninstall: false,
    installerLanguages: ['zh_CN', 'en_US'],
    artifactName: '${productName} Setup ${version}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
    icon: 'icon.icns',
    category: 'public.app-category.productivity',
  },
  linux: {
    target: [{ target: 'AppImage', arch: ['x64'] }],
    icon: 'icon.png',
    category: 'Science',
  },
  publish: null,
};
