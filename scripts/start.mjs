// `npm start`: build and launch the desktop app. Where the Electron binary cannot be installed
// (no download possible), say so plainly and serve the same workbench in the browser.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';

let binary = electronBinary();
if (!binary) {
  console.log('Installing the Electron binary…');
  const install = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    stdio: 'inherit',
    timeout: 180_000,
  });
  binary = electronBinary();
  if (!binary) {
    const why = install.error ? install.error.message : `the installer exited with ${install.status}`;
    console.log(`\nThe Electron binary could not be installed on this machine (${why}).`);
    console.log('Serving the same workbench in the browser instead (web mode).\n');
    await import('./web.mjs');
  }
}
if (binary) {
  execSync('npx electron-vite build', { stdio: 'inherit' });
  const app = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
