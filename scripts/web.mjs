// Web mode: build the renderer if needed, then serve it at http://127.0.0.1:$PORT (default 5173)
// with the same Content-Security-Policy the desktop app sends.
import { execSync } from 'node:child_process';
import { rendererBuildIsStale } from './buildState.mjs';
import { serveAndAnnounce } from './launchSteps.mjs';
import { printTileOrigins } from './webSettingsReport.mjs';

const port = process.env.PORT ?? '5173';
if (rendererBuildIsStale()) {
  console.log('Building the workbench (web mode)…');
  execSync('npx vite build --config vite.web.config.ts', { stdio: 'inherit' });
}
console.log('Starting the web server…');
printTileOrigins();
const server = serveAndAnnounce({
  command: 'npx',
  args: ['vite', 'preview', '--config', 'vite.web.config.ts', '--port', port, '--strictPort'],
  url: `http://127.0.0.1:${port}/`,
  env: { ...process.env, PORT: port },
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
