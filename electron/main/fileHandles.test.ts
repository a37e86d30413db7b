import { describe, expect, it } from 'vitest';
import { FileHandles } from './fileHandles';

describe('FileHandles', () => {
  it('gives each granted path one opaque handle and resolves only granted handles', () => {
    const handles = new FileHandles();
    const a = handles.grant('/p/a.hzw');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toContain('/p/');
    expect(handles.grant('/p/a.hzw')).toBe(a);
    expect(handles.grant('/p/b.hzw')).not.toBe(a);
    expect(handles.pathOf(a)).toBe('/p/a.hzw');
    expect(handles.pathOf('/p/a.hzw')).toBeNull();
    expect(handles.pathOf('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
