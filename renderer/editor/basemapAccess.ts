import type { Bilingual } from '../../shared/domain/labels';
import type { ProjectSettings } from '../../shared/domain/schema';
import { checkTileTemplate } from '../../shared/tiles/tileTemplate';
import type { Platform } from '../platform/platform';
import type { Workbench } from './workbench';

/**
 * What a planner in web mode does to let tiles load: the server fixes its security policy at
 * start, from a local settings file. The exact JSON to write, and the command to restart.
 */
export function webOriginsAdvice(origins: readonly string[]): Bilingual {
  const json = JSON.stringify({ tileOrigins: origins });
  return {
    zh: `浏览器模式下，服务器启动时读取本机设置文件。请把以下内容写入项目目录的 hzw-web.local.json（或 HZW_WEB_SETTINGS 指定的文件），然后重新运行 npm run web：${json}`,
    en: `In web mode the server reads a local settings file at start. Write this into hzw-web.local.json in the project folder (or the file HZW_WEB_SETTINGS names), then run npm run web again: ${json}`,
  };
}

/**
 * Make sure tiles from these origins may load: the desktop app replaces its list of allowed
 * origins and reloads the window (the policy is fixed per page load; all data is already in
 * IndexedDB); web mode explains the setting. Returns whether tiles can load now.
 */
export async function ensureTileOrigins(
  workbench: Workbench,
  platform: Platform,
  origins: readonly string[],
): Promise<boolean> {
  const outcome = await platform.allowTileOrigins([...origins]);
  if (outcome === 'reload') {
    workbench.notify('info', {
      zh: `已允许 ${origins.join(' ')}，正在重新加载窗口…`,
      en: `Allowed ${origins.join(' ')}; reloading the window…`,
    });
    setTimeout(() => location.reload(), 600);
    return false;
  }
  if (outcome === 'unsupported') {
    workbench.notify('info', webOriginsAdvice(origins));
    return false;
  }
  return true;
}

/**
 * After the planner turns on an online basemap, make sure its tiles may load: the desktop app
 * adds its origins (one per rotated host) to the CSP and reloads the window; web mode explains how.
 */
export async function ensureBasemapAccess(
  workbench: Workbench,
  platform: Platform,
  settings: ProjectSettings,
): Promise<void> {
  if (!settings.onlineBasemapEnabled || !settings.onlineBasemapUrl) return;
  const check = checkTileTemplate(settings.onlineBasemapUrl, { keys: 'refuse' });
  if (!check.ok) return;
  const { origins } = check.value;
  const outcomes = [];
  for (const origin of origins) outcomes.push(await platform.allowTileOrigin(origin));
  if (outcomes.includes('reload')) {
    workbench.notify('info', {
      zh: `已允许 ${origins.join(' ')}，正在重新加载窗口…`,
      en: `Allowed ${origins.join(' ')}; reloading the window…`,
    });
    setTimeout(() => location.reload(), 600);
  } else if (outcomes.includes('unsupported')) {
    workbench.notify('info', webOriginsAdvice(origins));
  }
}
