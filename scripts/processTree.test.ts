import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProcessTree } from './processTree.mjs';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(read: () => Promise<T | null>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(process.platform === 'win32')('a helper process tree', () => {
  it('stops the grandchildren too (npx → vite preview), even one that ignores SIGTERM', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hzw-tree-'));
    const pids = join(folder, 'pids');
    // Like npx: a parent whose child does the work; one grandchild ignores SIGTERM.
    const tree = startProcessTree(
      'sh',
      ['-c', `sleep 60 & a=$!; sh -c 'trap "" TERM; sleep 60' & b=$!; echo "$a $b" > ${pids}; wait`],
      { stdio: 'ignore' },
    );
    const [a, b] = await until(async () => {
      const text = (await readFile(pids, 'utf8')).trim();
      return text.includes(' ') ? text.split(' ').map(Number) : null;
    });
    expect(alive(a!) && alive(b!)).toBe(true);
    await tree.stop(500);
    await until(async () => (!alive(a!) && !alive(b!) ? true : null));
    expect(alive(tree.child.pid!)).toBe(false);
  });
});
