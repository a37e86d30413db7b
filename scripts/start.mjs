// `npm start`: build and launch the desktop app. Where the Electron binary cannot be installed
// (no download possible), say so plainly and serve the same workbench in the browser.
import { execSync, spawn } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';
import { installElectron } from './launchSteps.mjs';

let binary = electronBinary();
if (!binary) {
  console.log('Installing the Electron binary…');
  const failure = installElectron();
  binary = electronBinary();
  if (!binary) {
    const why = failure ?? 'the installer left no binary';
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
