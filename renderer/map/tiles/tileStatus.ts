import { LayerStatusHolder } from '../backgrounds/layerStatusHolder';

/** Enough failures in a row to call a service broken rather than missing a few tiles. */
const FAILURES_TO_REPORT = 3;

/**
 * The status of a tile layer from what its tiles did. A few missing tiles (404 beyond the
 * coverage) do not make a layer fail; refusals (401/403: a bad key or no permission) and a
 * service that answers nothing do, and say so in the planner's words. Tiles that load again
 * bring the layer back to ready.
 */
export class TileStatusTracker extends LayerStatusHolder {
  private refused = 0;
  private unreachable = 0;
  private failedSinceLoad = 0;
  private lastHttp = 0;

  loaded(): void {
    this.refused = 0;
    this.unreachable = 0;
    this.failedSinceLoad = 0;
    this.set({ state: 'ready' });
  }

  /** A tile failed: an HTTP status, or 0 when nothing answered (offline, CORS, policy). */
  failed(http: number): void {
    this.failedSinceLoad++;
    if (http === 401 || http === 403) this.refused++;
    else if (http === 0) this.unreachable++;
    else this.lastHttp = http;
    if (this.refused >= FAILURES_TO_REPORT) {
      this.set({
        state: 'error',
        http,
        message: { zh: `密钥无效或无权限 (HTTP ${http})`, en: `Key invalid or no permission (HTTP ${http})` },
      });
    } else if (this.unreachable >= FAILURES_TO_REPORT) {
      this.set({
        state: 'error',
        message: {
          zh: '无法连接瓦片服务（离线、服务器不允许跨域，或该地址未被允许）',
          en: 'Cannot reach the tile service (offline, cross-origin refused, or the address is not allowed)',
        },
      });
    } else if (this.failedSinceLoad >= FAILURES_TO_REPORT * 4 && this.lastHttp >= 500) {
      this.set({
        state: 'error',
        http: this.lastHttp,
        message: {
          zh: `瓦片服务出错 (HTTP ${this.lastHttp})`,
          en: `The tile service fails (HTTP ${this.lastHttp})`,
        },
      });
    }
  }
}
