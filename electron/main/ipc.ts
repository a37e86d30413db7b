import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import type { EventPayload, HandlerRequest, HandlerResult } from '../../shared/ipc/contract';
import { checkEvent, checkInvoke, checkResult, type SenderFacts } from './ipcGuard';

export interface IpcPolicy {
  /** The origin allowed to call main: app://workbench, or the dev server in development. */
  origin: string;
  isAppWindow(contents: WebContents): boolean;
}

export function senderFacts(event: IpcMainInvokeEvent, policy: IpcPolicy): SenderFacts {
  const fromAppWindow = policy.isAppWindow(event.sender);
  const frame = event.senderFrame;
  if (!fromAppWindow || frame === null || frame.detached) {
    return {
      frameUrl: frame === null || frame.detached ? null : frame.url,
      isTopFrame: false,
      fromAppWindow,
    };
  }
  const isTopFrame =
    frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId;
  return { frameUrl: frame.url, isTopFrame, fromAppWindow };
}

export type Handler<C extends InvokeChannel> = (
  request: HandlerRequest<C>,
  sender: WebContents,
) => HandlerResult<C> | Promise<HandlerResult<C>>;

/**
 * Register one channel's handler behind the guard: a refused sender or an invalid payload is
 * logged and rejected with a message naming the channel; the handler only ever sees a payload
 * that matched the contract.
 */
export function handle<C extends InvokeChannel>(channel: C, policy: IpcPolicy, handler: Handler<C>): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    const checked = checkInvoke(channel, senderFacts(event, policy), policy.origin, args);
    if (!checked.ok) {
      console.warn(`[hzw] refused ${channel}: ${checked.error}`);
      throw new Error(`${channel}: ${checked.error}`);
    }
    return checkResult(channel, await handler(checked.value, event.sender));
  });
}

/** Send an event to a page; payloads are checked against the contract like requests are. */
export function sendEvent<C extends EventChannel>(
  contents: WebContents,
  channel: C,
  payload: EventPayload<C>,
): void {
  if (contents.isDestroyed()) return;
  contents.send(channel, checkEvent(channel, payload));
}
