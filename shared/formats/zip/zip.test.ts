import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip, ZipError } from './zip';

const text = (s: string) => new TextEncoder().encode(s);

describe('zip archives', () => {
  it('round-trips files with Chinese names', () => {
    const files = [
      { name: '保护范围.shp', bytes: text('shape') },
      { name: 'dir/b.txt', bytes: new Uint8Array(100_000).fill(7) },
    ];
    const back = readZip(writeZip(files));
    expect(back.map((f) => f.name)).toEqual(['保护范围.shp', 'dir/b.txt']);
    expect(back[1]!.bytes).toEqual(files[1]!.bytes);
  });

  it('reads archives written by the system zip tool', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzw-zip-'));
    writeFileSync(join(dir, 'a.txt'), 'hello '.repeat(1000));
    try {
      execFileSync('python3', [
        '-c',
        `import zipfile;z=zipfile.ZipFile('${dir}/a.zip','w',zipfile.ZIP_DEFLATED);z.write('${dir}/a.txt','a.txt');z.close()`,
      ]);
    } catch {
      return; // python3 is on every machine of this kind; skip quietly if not
    }
    const [entry] = readZip(readFileSync(join(dir, 'a.zip')));
    expect(new TextDecoder().decode(entry!.bytes)).toBe('hello '.repeat(1000));
  });

  it('stops a zip bomb on bytes actually inflated, whatever the archive declares', () => {
    const bomb = zipSync({ 'bomb.bin': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    expect(() => readZip(bomb, { maxTotalBytes: 8 * 1024 * 1024, maxEntries: 10 })).toThrow(/size limit/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops an entry inflating more than 500:1 past 16 MiB long before the total cap', () => {
    const bomb = zipSync({ 'bomb.dbf': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    const started = Date.now();
    expect(() => readZip(bomb)).toThrow('bomb.dbf inflates more than 500:1 (a zip bomb?); stopped');
    expect(Date.now() - started).toBeLessThan(1000);
    // Ordinary data past 16 MiB (digits and padding, like DBF records) stays below the ratio and reads.
    const rows = new Uint8Array(20 * 1024 * 1024).fill(0x20);
    for (let i = 0; i < rows.length; i += 16) rows[i] = 0x30 + (((i * 2654435761) >>> 28) % 10);
    const back = readZip(zipSync({ 'a.dbf': [rows, { level: 6 }] }))[0]!.bytes;
    expect(Buffer.from(back).equals(Buffer.from(rows))).toBe(true);
  });

  it('refuses a damaged archive with a reason', () => {
    const good = writeZip([{ name: 'a.txt', bytes: new Uint8Array(5000).fill(65) }]);
    const broken = good.slice();
    broken[40] = broken[40]! ^ 0xff; // inside the compressed data
    expect(() => readZip(broken)).toThrow(ZipError);
    expect(() => readZip(text('not a zip at all, just some text here'))).toThrow(/zip/);
  });

  it('refuses entries that share bytes before inflating any of them', () => {
    // One stored kernel named three times: each central record points at the same local header.
    const one = writeZip([{ name: 'k.dbf', bytes: new Uint8Array(4096).fill(65) }]);
    const view = new DataView(one.buffer, one.byteOffset, one.byteLength);
    const end = one.length - 22;
    const central = view.getUint32(end + 16, true);
    const record = one.slice(central, end);
    const renamed = (c: string) => {
      const r = record.slice();
      r[46] = c.charCodeAt(0); // first letter of the name
      return r;
    };
    const directory = Buffer.concat([record, renamed('a'), renamed('b')]);
    const eocd = Buffer.from(one.slice(end));
    eocd.writeUInt16LE(3, 8);
    eocd.writeUInt16LE(3, 10);
    eocd.writeUInt32LE(directory.length, 12);
    const bomb = new Uint8Array(Buffer.concat([one.subarray(0, central), directory, eocd]));
    expect(() => readZip(bomb)).toThrow(
      /a\.dbf shares its bytes with k\.dbf \(overlapping entries, a zip bomb\?\); nothing inflated/,
    );
  });

  it('refuses an archive whose declared sizes exceed the cap before inflating', () => {
    const big = zipSync({ 'a.bin': [new Uint8Array(4 * 1024 * 1024), { level: 1 }] });
    expect(() => readZip(big, { maxTotalBytes: 1024 * 1024, maxEntries: 10 })).toThrow(
      /declares 4194304 bytes inflated, past the size limit of 1048576; nothing inflated/,
    );
  });
});
