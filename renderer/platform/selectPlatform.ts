import type { HzwBridge } from '../../shared/ipc/bridge';
import { createBrowserPlatform } from './browserPlatform';
import { createElectronPlatform } from './electronPlatform';
import type { Platform } from './platform';

/** Desktop when the preload exposed its bridge, web mode otherwise. */
export function selectPlatform(): Platform {
  const bridge = (globalThis as { hzw?: HzwBridge }).hzw;
  return bridge ? createElectronPlatform(bridge) : createBrowserPlatform();
}
