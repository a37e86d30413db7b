import { useEffect, useMemo, useRef, useState } from 'react';
import type { Background, LayerStatus } from '../../../shared/domain/backgrounds';
import type { ProjectSettings } from '../../../shared/domain/schema';
import { webOriginsAdvice } from '../../editor/basemapAccess';
import type { Platform } from '../../platform/platform';
import { projectTileOrigins } from './addTileServices';

export type OriginOutcome = Awaited<ReturnType<Platform['allowTileOrigins']>>;

/** Backgrounds whose tiles come from the network, under the page's security policy. */
export const isTileService = (background: Background) =>
  background.source.kind === 'xyz' || background.source.kind === 'wmts';

/**
 * What the rows of the open project's tile services show while the page may not load their
 * tiles: on the desktop the origins are now allowed and take effect when the window reloads; in
 * web mode the server must be started with them (the exact JSON to write). Empty when allowed.
 */
export function blockedTileStatuses(
  backgrounds: readonly Background[],
  outcome: OriginOutcome,
  origins: readonly string[],
): Map<string, LayerStatus> {
  const blocked = new Map<string, LayerStatus>();
  if (outcome === 'allowed') return blocked;
  const status: LayerStatus =
    outcome === 'reload'
      ? {
          state: 'needsReload',
          message: {
            zh: `已允许此项目的瓦片服务地址（${origins.join(' ')}），重新加载窗口后显示`,
            en: `This project's tile service addresses are now allowed (${origins.join(' ')}); they show after the window reloads`,
          },
        }
      : { state: 'error', message: webOriginsAdvice(origins) };
  for (const background of backgrounds) if (isTileService(background)) blocked.set(background.id, status);
  return blocked;
}

/**
 * Ask the platform for exactly the origins a project's tile services and online basemap need,
 * and tell which rows cannot show their tiles in this page.
 */
export async function allowProjectTileOrigins(
  platform: Pick<Platform, 'allowTileOrigins'>,
  backgrounds: readonly Background[],
  settings: ProjectSettings,
): Promise<Map<string, LayerStatus>> {
  const origins = projectTileOrigins(backgrounds, settings);
  return blockedTileStatuses(backgrounds, await platform.allowTileOrigins(origins), origins);
}

/**
 * The page's policy follows the open project: when its backgrounds are known (the project opened,
 * a service was added or removed), exactly the origins of its tile services and online basemap are
 * asked for — not those of other projects, so a page never loads from a host the open project does
 * not use, and the list stays within what the desktop keeps. Asked again only when they change.
 */
export function useTileOriginAccess(
  platform: Pick<Platform, 'allowTileOrigins'>,
  projectId: string,
  backgrounds: readonly Background[] | null,
  settings: ProjectSettings,
): Map<string, LayerStatus> {
  const key = backgrounds ? JSON.stringify(projectTileOrigins(backgrounds, settings).sort()) : null;
  const [answer, setAnswer] = useState<{ key: string; blocked: Map<string, LayerStatus> } | null>(null);
  // Asked once per project and list of origins, whatever else in the backgrounds changes.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (key === null || !backgrounds) return;
    const mine = `${projectId} ${key}`;
    if (asked.current === mine) return;
    asked.current = mine;
    allowProjectTileOrigins(platform, backgrounds, settings).then(
      (blocked) => asked.current === mine && setAnswer({ key: mine, blocked }),
      (error: unknown) => console.warn('allowTileOrigins refused', error),
    );
  }, [platform, projectId, key, backgrounds, settings]);
  const blocked = answer?.key === `${projectId} ${key}` ? answer.blocked : null;
  // A service added since the answer (same origins) shows the same state.
  return useMemo(() => {
    const first = blocked?.values().next().value;
    if (!first || !backgrounds) return new Map<string, LayerStatus>();
    return new Map(backgrounds.filter(isTileService).map((b) => [b.id, first]));
  }, [blocked, backgrounds]);
}
