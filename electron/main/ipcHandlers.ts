import type { WebContents } from 'electron';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../shared/ipc/channels';
import type { WindowState } from '../../shared/ipc/contract';
import type { PickedBackground } from '../../shared/ipc/contract';
import type { ExportStreams } from './exportStreams';
import type { FileCommands } from './fileCommands';
import { handle, type Handler, type IpcPolicy } from './ipc';

export interface IpcServices {
  files: FileCommands;
  exports: ExportStreams;
  backgrounds: {
    pick(): Promise<PickedBackground[]>;
    forget(grant: string): Promise<void>;
  };
  settings: {
    tileOrigins(): readonly string[];
    setTileOrigins(origins: readonly string[]): Promise<readonly string[]>;
    serviceKey(keyId: string): string | null;
    setServiceKey(keyId: string, key: string | null): Promise<void>;
  };
  windowStateChanged(state: WindowState, sender: WebContents): void;
  acceptOpenRequests(sender: WebContents): void;
}

type HandlerTable = { [C in InvokeChannel]: Handler<C> };

/** One handler per channel of the contract; a channel without a handler does not compile. */
export function ipcHandlers(services: IpcServices): HandlerTable {
  const { files, settings, exports, backgrounds } = services;
  return {
    [INVOKE_CHANNELS.pickFiles]: (options) => files.pickFiles(options),
    [INVOKE_CHANNELS.readPicked]: (chunk) => files.readPicked(chunk),
    [INVOKE_CHANNELS.releasePicked]: (token) => {
      files.releasePicked(token);
      return undefined;
    },
    [INVOKE_CHANNELS.openProject]: () => files.openProject(),
    [INVOKE_CHANNELS.saveProject]: (request) => files.saveProject(request),
    [INVOKE_CHANNELS.exportFile]: (request) => files.exportFile(request),
    [INVOKE_CHANNELS.listRecent]: () => files.listRecent(),
    [INVOKE_CHANNELS.openRecent]: (handle) => files.openRecent(handle),
    [INVOKE_CHANNELS.setWindowState]: (state, sender) => {
      services.windowStateChanged(state, sender);
      return undefined;
    },
    [INVOKE_CHANNELS.acceptOpenRequests]: (_none, sender) => {
      services.acceptOpenRequests(sender);
      return undefined;
    },
    [INVOKE_CHANNELS.listTileOrigins]: () => [...settings.tileOrigins()],
    [INVOKE_CHANNELS.setTileOrigins]: async (origins) => [...(await settings.setTileOrigins(origins))],
    [INVOKE_CHANNELS.getServiceKey]: (keyId) => settings.serviceKey(keyId),
    [INVOKE_CHANNELS.setServiceKey]: async ({ keyId, key }) => {
      await settings.setServiceKey(keyId, key);
      return undefined;
    },
    [INVOKE_CHANNELS.exportStreamBegin]: async (request) => {
      const path = await files.chooseExportTarget(request);
      return path === null ? null : exports.begin(path);
    },
    [INVOKE_CHANNELS.exportStreamWrite]: async ({ stream, bytes }) => {
      await exports.write(stream, bytes);
      return undefined;
    },
    [INVOKE_CHANNELS.exportStreamEnd]: async ({ stream, commit }) => {
      const name = await exports.end(stream, commit);
      return name === null ? null : { handle: null, name };
    },
    [INVOKE_CHANNELS.pickBackgroundFiles]: () => backgrounds.pick(),
    [INVOKE_CHANNELS.forgetBackground]: async (grant) => {
      await backgrounds.forget(grant);
      return undefined;
    },
  };
}

export function registerIpcHandlers(policy: IpcPolicy, services: IpcServices): void {
  const table = ipcHandlers(services);
  const register = <C extends InvokeChannel>(channel: C) => handle(channel, policy, table[channel]);
  for (const channel of Object.values(INVOKE_CHANNELS)) register(channel);
}
