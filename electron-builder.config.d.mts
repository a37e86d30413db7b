import type { Configuration } from 'electron-builder';

/** The release packaging configuration (a plain object: every field below is set). */
declare const config: Configuration & {
  files: string[];
  directories: { output: string; buildResources: string };
  fileAssociations: { ext: string; name: string; role: string; icon: string }[];
  win: { target: { target: string }[]; icon: string };
  mac: { target: { target: string }[]; icon: string };
  linux: { target: { target: string }[]; icon: string };
  nsis: { deleteAppDataOnUninstall: boolean };
};
export default config;
