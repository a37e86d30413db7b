import { resolve } from 'node:path';
import { app } from 'electron';
import { devServerUrl } from './appOrigin';
import { appPaths } from './appPaths';
import { registerAppScheme } from './appScheme';
import { runWorkbench } from './workbenchMain';

// An explicit --user-data-dir (tests, portable use) must apply before the single-instance lock,
// which is held per profile folder.
const userDataDir = app.commandLine.getSwitchValue('user-data-dir');
if (userDataDir) app.setPath('userData', resolve(userDataDir));

// Every renderer sandboxed, whatever its preferences say (webPreferences.ts also asks for it).
app.enableSandbox();
registerAppScheme();

// One instance per profile: a second one could not open the IndexedDB the first holds. A second
// launch hands its file to the first (see 'second-instance') and quits.
if (!app.requestSingleInstanceLock()) app.quit();
else runWorkbench({ paths: appPaths(import.meta.url), devUrl: devServerUrl(process.env, app.isPackaged) });
