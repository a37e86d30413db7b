import type { ProjectSettings } from '../../shared/domain/schema';
import type { Platform } from '../platform/platform';
import type { Workbench } from './workbench';

/**
 * After the planner turns on an online basemap, make sure its tiles may load: the desktop app
 * widens its CSP to that one https origin and reloads the window (the policy is fixed per page
 * load; all data is already in IndexedDB); web mode explains how to allow the origin.
 */
export async function ensureBasemapAccess(
  workbench: Workbench,
  platform: Platform,
  settings: ProjectSettings,
): Promise<void> {
  if (!settings.onlineBasemapEnabled || !settings.onlineBasemapUrl) return;
  const origin = new URL(settings.onlineBasemapUrl).origin;
  const outcome = await platform.allowTileOrigin(origin);
  if (outcome === 'reload') {
    workbench.notify('info', {
      zh: `已允许 ${origin}，正在重新加载窗口…`,
      en: `Allowed ${origin}; reloading the window…`,
    });
    setTimeout(() => location.reload(), 600);
  } else if (outcome === 'unsupported') {
    workbench.notify('info', {
      zh: `浏览器模式下，请以 HZW_TILE_ORIGINS=${origin} npm run web 启动，才能加载该在线底图`,
      en: `In web mode, start with HZW_TILE_ORIGINS=${origin} npm run web to load this online basemap`,
    });
  }
}
