import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { checkEvent, checkInvoke, checkResult, senderRefusal, type SenderFacts } from './ipcGuard';

const ORIGIN = 'app://workbench';
const OK: SenderFacts = { frameUrl: 'app://workbench/index.html', isTopFrame: true, fromAppWindow: true };
const STATE = {
  title: 'Plan — HZW',
  edited: false,
  canUndo: true,
  canRedo: false,
  hasSelection: false,
  lang: 'zh',
};
const bytes = new Uint8Array([1, 2, 3]);

describe('senderRefusal', () => {
  it('accepts our top frame on our origin only', () => {
    expect(senderRefusal(OK, ORIGIN)).toBeNull();
    expect(senderRefusal({ ...OK, isTopFrame: false }, ORIGIN)).toMatch(/top frame/);
    expect(senderRefusal({ ...OK, frameUrl: null }, ORIGIN)).toMatch(/gone/);
    expect(senderRefusal({ ...OK, fromAppWindow: false }, ORIGIN)).toMatch(/not a workbench window/);
    expect(senderRefusal({ ...OK, frameUrl: 'https://example.org/' }, ORIGIN)).toMatch(
      /https:\/\/example\.org is not app:\/\/workbench/,
    );
    expect(senderRefusal({ ...OK, frameUrl: 'file:///tmp/x.html' }, ORIGIN)).not.toBeNull();
  });
});

describe('checkInvoke', () => {
  it('passes a valid request through', () => {
    expect(checkInvoke(INVOKE_CHANNELS.setWindowState, OK, ORIGIN, [STATE])).toEqual({
      ok: true,
      value: STATE,
    });
    expect(checkInvoke(INVOKE_CHANNELS.openProject, OK, ORIGIN, [])).toEqual({ ok: true, value: undefined });
  });

  it('checks the sender before the payload', () => {
    const result = checkInvoke(INVOKE_CHANNELS.setWindowState, { ...OK, isTopFrame: false }, ORIGIN, [STATE]);
    expect(result).toEqual({ ok: false, error: 'only the top frame may call main' });
  });

  it('refuses payloads that do not match the schema, naming the field', () => {
    const cases: [Parameters<typeof checkInvoke>[0], unknown[], RegExp][] = [
      [INVOKE_CHANNELS.setWindowState, [{ ...STATE, lang: 'fr' }], /lang/],
      [INVOKE_CHANNELS.setWindowState, [{ ...STATE, extra: 1 }], /extra/],
      [
        INVOKE_CHANNELS.saveProject,
        [{ handle: '/etc/passwd', suggestedName: 'a', bytes, filters: [] }],
        /handle/,
      ],
      [
        INVOKE_CHANNELS.saveProject,
        [{ handle: null, suggestedName: 'a', bytes: 'not bytes', filters: [] }],
        /bytes/,
      ],
      [
        INVOKE_CHANNELS.pickFiles,
        [{ title: 't', filters: [{ name: 'x', extensions: ['.hzw'] }], multiple: true }],
        /extensions/,
      ],
      [INVOKE_CHANNELS.openRecent, [{ path: '/etc/passwd' }], /request/],
      [INVOKE_CHANNELS.setTileOrigins, [['http://tiles.example.org']], /https origin/],
      [INVOKE_CHANNELS.setTileOrigins, [['https://*.example.org']], /https origin/],
      [INVOKE_CHANNELS.getServiceKey, ['__proto__'], /key id/],
      [INVOKE_CHANNELS.setServiceKey, [{ keyId: 'tianditu', key: 'a b' }], /printable/],
      [INVOKE_CHANNELS.setServiceKey, [{ keyId: 'tianditu', key: 'k', path: '/etc' }], /path|Unrecognized/i],
      [INVOKE_CHANNELS.setTileOrigins, [["https://a.example.org 'unsafe-inline'"]], /https origin/],
      [INVOKE_CHANNELS.openProject, ['/etc/passwd'], /request/],
      [INVOKE_CHANNELS.openProject, [undefined, 'extra'], /at most one argument/],
    ];
    for (const [channel, args, message] of cases) {
      const result = checkInvoke(channel, OK, ORIGIN, args);
      expect(result.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });
});

describe('checkResult and checkEvent', () => {
  it('let main send only what the contract describes', () => {
    expect(checkResult(INVOKE_CHANNELS.listTileOrigins, ['https://t.example.org'])).toEqual([
      'https://t.example.org',
    ]);
    expect(() => checkResult(INVOKE_CHANNELS.listRecent, [{ handle: 'x', name: 'a', path: '/a' }])).toThrow(
      /recent:list: main produced an invalid response/,
    );
    expect(checkEvent('menu:command', 'file.save')).toBe('file.save');
    expect(() => checkEvent('menu:command', 'file.format' as never)).toThrow(/invalid event payload/);
  });
});
