import { describe, expect, it } from 'vitest';
import { escapeSelection, keyAction, type KeyLike } from './keyboard';
import { ALL_TOOL_IDS, TOOL_KEYS } from './tools';
import readme from '../../README.md?raw';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard map', () => {
  it('maps undo and the two redo chords', () => {
    expect(keyAction(key('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(keyAction(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(keyAction(key('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(keyAction(key('z', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(keyAction(key('s', { ctrlKey: true }))).toEqual({ kind: 'save', as: false });
    expect(keyAction(key('S', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'save', as: true });
    expect(keyAction(key('o', { ctrlKey: true }))).toEqual({ kind: 'open' });
  });

  it('maps editing keys and tool letters, and leaves other chords alone', () => {
    expect(keyAction(key('Escape'))).toEqual({ kind: 'cancel' });
    expect(keyAction(key('Backspace'))).toEqual({ kind: 'removeLastVertex' });
    expect(keyAction(key('Delete'))).toEqual({ kind: 'delete' });
    expect(keyAction(key('p'))).toEqual({ kind: 'tool', tool: 'drawPolygon' });
    expect(keyAction(key('c', { ctrlKey: true }))).toBeNull();
    expect(keyAction(key('q'))).toEqual({ kind: 'tool', tool: 'whatHere' });
    expect(keyAction(key('j'))).toBeNull();
    // The zone line tools, whose buttons sit in the geometry-operations group.
    expect(keyAction(key('s'))).toEqual({ kind: 'tool', tool: 'split' });
    expect(keyAction(key('b'))).toEqual({ kind: 'tool', tool: 'reshape' });
  });
});

describe('Esc and the selection', () => {
  it('clears the zones first, keeping their object, then the object, then nothing is left', () => {
    const zones = { zoneIds: ['a', 'b'], objectId: 'o' };
    const object = escapeSelection(zones);
    expect(object).toEqual({ zoneIds: [], objectId: 'o' });
    const none = escapeSelection(object!);
    expect(none).toEqual({ zoneIds: [], objectId: null });
    expect(escapeSelection(none!)).toBeNull();
  });
});

describe('keyboard documentation', () => {
  it('README’s keyboard line names every tool key', () => {
    const line = readme.slice(
      readme.indexOf('**Keyboard.**'),
      readme.indexOf('\n- **', readme.indexOf('**Keyboard.**')),
    );
    const documented = ALL_TOOL_IDS.filter((id) =>
      new RegExp(`\\b${TOOL_KEYS[id].toUpperCase()} `).test(line),
    );
    expect(documented).toEqual([...ALL_TOOL_IDS]);
  });
});
