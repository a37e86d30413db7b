// electron-builder afterPack hook: flip the release fuses on the packed executable. It runs
// after the app archive is written (with its integrity hash recorded) and before signing.
import { RELEASE_FUSES } from './fuses.mjs';

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  // Apple Silicon refuses a binary whose ad-hoc signature no longer matches; electron-builder
  // re-signs properly afterwards when a certificate is configured.
  const appleSilicon =
    context.electronPlatformName === 'darwin' && /arm64|universal/.test(archName(context.arch));
  await context.packager.addElectronFuses(context, {
    ...RELEASE_FUSES,
    resetAdHocDarwinSignature: appleSilicon,
  });
}

/** electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4. */
function archName(arch) {
  return ['ia32', 'x64', 'armv7l', 'arm64', 'universal'][arch] ?? String(arch);
}
