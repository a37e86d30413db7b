import { describe, expect, it, vi } from 'vitest';
import { onPanelRequest, requestPanel } from './analysisRequests';
import { MENU_ACTIONS, type AppActions } from './appActions';

describe('analysis menu commands', () => {
  it('reach the app actions the toolbar uses', () => {
    const actions = {
      runFullCheck: vi.fn(),
      areaStatistics: vi.fn(),
      referenceLayers: vi.fn(),
    } as unknown as AppActions;
    MENU_ACTIONS['tools.runFullCheck'](actions);
    MENU_ACTIONS['tools.areaStatistics'](actions);
    MENU_ACTIONS['tools.referenceLayers'](actions);
    expect(actions.runFullCheck).toHaveBeenCalledOnce();
    expect(actions.areaStatistics).toHaveBeenCalledOnce();
    expect(actions.referenceLayers).toHaveBeenCalledOnce();
  });

  it('hands a request to the panel serving it, and reports when none is mounted', () => {
    expect(requestPanel('runFullCheck')).toBe(false);
    const runFull = vi.fn();
    const stop = onPanelRequest('runFullCheck', runFull);
    expect(requestPanel('runFullCheck')).toBe(true);
    expect(requestPanel('showReferenceLayers')).toBe(false);
    expect(runFull).toHaveBeenCalledOnce();
    stop();
    expect(requestPanel('runFullCheck')).toBe(false);
    expect(runFull).toHaveBeenCalledOnce();
  });
});
