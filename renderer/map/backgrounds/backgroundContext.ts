import type { Platform } from '../../platform/platform';
import type { Store } from '../../storage/store';
import type { BackgroundContext } from './backgroundFactory';

/**
 * What a background factory may ask of the installation: a file background's bytes, reached
 * through the access this installation stored for it (none: the file is `missing` here, e.g. a
 * project file from another computer), and service keys from local settings. Never asks the
 * browser for permission: that needs the planner's click ("allow again", see the layers panel).
 */
export function createBackgroundContext(store: Store, platform: Platform): BackgroundContext {
  return {
    async bytes(background) {
      const access = await store.backgrounds.access(background.id);
      if (!access) return { missing: true };
      return platform.backgroundBytes(access, { ask: false });
    },
    serviceKey: (keyId) => platform.serviceKey(keyId),
    viewProjection: 'EPSG:3857',
  };
}
