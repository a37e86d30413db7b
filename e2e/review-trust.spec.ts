import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable } from './fixtures/indexedDb';
import { openFile, reviewerPage, saveProject } from './fixtures/projectFiles';

/**
 * Review mode is decided by what this installation saved, never by what a file says: a file
 * claiming our installation id is still someone else's, and what a received file carries (review
 * comments, a reviewer's own tables) survives a working copy and a save.
 */
const sql = (file: string, statement: string) =>
  execFileSync('sqlite3', [file, statement], { encoding: 'utf8' });
const json = <T>(file: string, statement: string): T[] =>
  JSON.parse(execFileSync('sqlite3', ['-json', file, statement], { encoding: 'utf8' }) || '[]') as T[];

test('a file forged to carry this installation’s id opens read-only; the file it saved opens editable', async ({
  page,
  browser,
  baseURL,
}) => {
  await openWorkbench(page);
  const own = await saveProject(page);
  const meta = await readTable<{ key: string; value?: string }>(page, 'meta');
  const installation = meta.find((m) => m.key === 'pref:installation')?.value;
  expect(installation).toMatch(/^[0-9a-f-]{36}$/);
  expect(sql(own, "SELECT value FROM hzw_meta WHERE key = 'saved_by'").trim()).toBe(installation);

  // Someone else's file, its saved_by rewritten to our id.
  const { page: other } = await reviewerPage(browser, baseURL);
  const forged = await saveProject(other);
  await other.context().close();
  sql(forged, `UPDATE hzw_meta SET value = '${installation}' WHERE key = 'saved_by'`);
  expect(sql(forged, "SELECT value FROM hzw_meta WHERE key = 'saved_by'").trim()).toBe(installation);

  const banner = page.getByRole('region', { name: '审阅模式：只读' });
  const projects = async () => (await readTable(page, 'projects')).length;
  const before = await projects();
  await openFile(page, forged);
  await expect(banner).toBeVisible();
  await expect(page.getByRole('button', { name: '绘制多边形' })).toBeDisabled();
  expect(await projects()).toBe(before + 1);

  // The file this browser saved, byte for byte, is the planner's own.
  await openFile(page, own);
  await expect.poll(projects).toBe(before + 2);
  await expect(banner).toBeHidden();
  await expect(page.getByRole('button', { name: '绘制多边形' })).toBeEnabled();
});

interface Comment {
  entryId: string;
  anchor: { kind: string; zoneId?: string; at: [number, number] | null };
  author: { name: string; organisation: string };
  text: string;
  thread?: string;
}

test('comments and a reviewer’s table in a received file survive a working copy, a save and a reopen', async ({
  page,
  browser,
  baseURL,
}) => {
  await openWorkbench(page);
  const received = await saveProject(page);
  const [zone] = json<{ id: string; geometry: string }>(
    received,
    "SELECT id, json_extract(json, '$.geometry') AS geometry FROM hzw_zones ORDER BY seq LIMIT 1",
  );
  const comments: Comment[] = [
    {
      entryId: 'c-zone',
      anchor: { kind: 'zone', zoneId: zone!.id, at: [81.84, 43.2] },
      author: { name: '审阅人', organisation: '自治区文物局' },
      text: '北侧边界请按 1:500 地形图核对',
      thread: 'T-7',
    },
    {
      entryId: 'c-project',
      anchor: { kind: 'project', at: null },
      author: { name: '审阅人', organisation: '' },
      text: '建设控制地带高度请复核',
    },
  ];
  const rows = comments.map((c, seq) => {
    const entry = { ...c, threadId: c.entryId, kind: 'comment', parents: [], status: 'open' };
    const value = JSON.stringify({ ...entry, createdAt: '2026-12-02T09:00:00.000Z' });
    return `('${c.entryId}', ${seq}, '${value.replaceAll("'", "''")}')`;
  });
  sql(
    received,
    `INSERT INTO hzw_comments (id, seq, json) VALUES ${rows.join(', ')};
     CREATE TABLE review_log (n INTEGER PRIMARY KEY, big INTEGER, note TEXT, scan BLOB);
     INSERT INTO review_log VALUES (1, 9007199254740993, '第一轮审阅', x'00ff10');`,
  );

  const { page: reviewer, errors } = await reviewerPage(browser, baseURL);
  await openFile(reviewer, received);
  const banner = reviewer.getByRole('region', { name: '审阅模式：只读' });
  await expect(banner).toBeVisible();
  // Kept as received: the saved review copy is still someone else's file.
  const keptReview = await saveProject(reviewer);
  await reviewer.getByRole('button', { name: '制作工作副本' }).click();
  await expect(banner).toBeHidden();
  const saved = await saveProject(reviewer);
  expect(saved).toMatch(/（工作副本）\.hzw$/);

  // Read back with sqlite3: the comments, on the zone with the same boundary, and the table.
  const back = json<{ json: string }>(saved, 'SELECT json FROM hzw_comments ORDER BY id DESC').map(
    (r) => JSON.parse(r.json) as Comment,
  );
  expect(back.map(({ author, text, thread }) => ({ author, text, thread }))).toEqual(
    comments.map(({ author, text, thread }) => ({ author, text, thread })),
  );
  expect(back[1]!.anchor).toEqual({ kind: 'project', at: null });
  const [target] = json<{ geometry: string }>(
    saved,
    `SELECT json_extract(json, '$.geometry') AS geometry FROM hzw_zones WHERE id = '${back[0]!.anchor.zoneId}'`,
  );
  expect(back[0]!.anchor.kind).toBe('zone');
  expect(target?.geometry).toBe(zone!.geometry);
  const dump = (file: string) => sql(file, '.dump review_log');
  expect(dump(saved)).toContain('9007199254740993');
  expect(dump(saved)).toBe(dump(received));

  // Reopened: the reviewer's own save opens editable and still holds the comments.
  const copy = `${saved}.again.hzw`;
  copyFileSync(saved, copy);
  const projectsBefore = await readTable<{ id: string }>(reviewer, 'projects');
  await openFile(reviewer, copy);
  await expect
    .poll(async () => (await readTable(reviewer, 'projects')).length)
    .toBe(projectsBefore.length + 1);
  await expect(reviewer.getByRole('button', { name: '绘制多边形' })).toBeEnabled();
  await expect(banner).toBeHidden();
  const reopened = (await readTable<{ id: string }>(reviewer, 'projects')).find(
    (p) => !projectsBefore.some((b) => b.id === p.id),
  )!;
  const stored = (await readTable<Comment & { projectId: string }>(reviewer, 'comments')).filter(
    (c) => c.projectId === reopened.id,
  );
  expect(stored.map((c) => c.text).sort()).toEqual(comments.map((c) => c.text).sort());

  await openFile(reviewer, keptReview);
  await expect(banner).toBeVisible();
  expect(json<{ json: string }>(keptReview, 'SELECT json FROM hzw_comments')).toHaveLength(2);
  expect(errors, 'reviewer page errors or CSP violations').toEqual([]);
  await reviewer.context().close();
});
