import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_PATH } from '../../figures/font/testFont.test';
import { buildWusuSample } from '../../sample/buildSample';
import { objectHash, seal, zoneHash } from '../contentHash';
import type { CommentEntry, Decision } from '../model';
import type { ReviewReportInput } from '../reportTypes';
import { chromiumDom, popplerOut, saveTemp, xlsxRows } from './testReports.test';
import { writeReviewReport } from './writeReport';
import { SNAPSHOT_MM } from './threadSnapshots';
import type { Page } from '../../figures/displayList';
import { StripPngWriter } from '../../figures/png/stripPngWriter';
import { readZip } from '../../formats/zip/zip';

/**
 * The review report a county bureau files: two reviewers' threads (one on a zone, one at a map
 * position, one on the whole project), the planner's answers, a conflict, verdicts and a
 * superseded sign-off — read back by poppler, GDAL and Chromium.
 */
const INJECTION = `<img src=x onerror=alert(1)>&amp; <script>alert(2)</script> "引号" 'q'`;
const ZONE_REMARK = '建设控制地带东侧边界应沿现状道路中线调整，请补充依据。';
const document = buildWusuSample();
const zone = document.zones.find((z) => z.id === 'sample-chenghuasi-ccz')!;
const reviewer = { name: '李审查', organisation: '乌苏市文物局' };
const planner = { name: '王规划', organisation: '新疆某设计院' };

async function input(): Promise<Omit<ReviewReportInput, 'format'>> {
  const zoneHashNow = await zoneHash(zone);
  const entry = (e: Partial<CommentEntry> & Pick<CommentEntry, 'entryId' | 'createdAt'>): CommentEntry => ({
    threadId: e.entryId,
    kind: 'comment',
    parents: [],
    text: '',
    status: 'open',
    author: reviewer,
    ...e,
  });
  const comments: CommentEntry[] = [
    entry({
      entryId: 't1',
      createdAt: '2026-12-01T02:00:00Z',
      text: ZONE_REMARK,
      anchor: { kind: 'zone', zoneId: zone.id, at: [84.4915, 43.9578] },
      targetHash: zoneHashNow,
    }),
    entry({
      entryId: 't1-r',
      threadId: 't1',
      parents: ['t1'],
      createdAt: '2026-12-02T03:00:00Z',
      text: '已按道路中线调整。',
      author: planner,
      adoption: 'adopted',
    }),
    // Concurrent with the planner's reply: a reviewer closes the thread without seeing it.
    entry({
      entryId: 't1-s',
      threadId: 't1',
      parents: ['t1'],
      kind: 'status',
      status: 'resolved',
      createdAt: '2026-12-02T04:00:00Z',
    }),
    entry({
      entryId: 't2',
      createdAt: '2026-12-01T03:00:00Z',
      text: INJECTION,
      anchor: { kind: 'position', at: [84.49, 43.956] },
    }),
    entry({
      entryId: 't3',
      createdAt: '2026-12-01T04:00:00Z',
      text: '请补充文物影响评估。',
      anchor: { kind: 'project', at: null },
    }),
  ];
  const decisions: Decision[] = [
    {
      entryId: 'd1',
      target: { kind: 'zone', id: zone.id },
      verdict: 'approve_with_changes',
      reason: '东侧边界按意见 1 调整后同意。',
      author: reviewer,
      createdAt: '2026-12-01T05:00:00Z',
      parents: [],
      targetHash: '0'.repeat(64),
    },
    {
      entryId: 'd2',
      target: { kind: 'object', id: 'sample-chenghuasi' },
      verdict: 'approve',
      reason: INJECTION,
      author: reviewer,
      createdAt: '2026-12-01T05:01:00Z',
      parents: [],
      targetHash: await objectHash(document.objects.find((o) => o.id === 'sample-chenghuasi')!),
    },
  ];
  const signoff = await seal({
    entryId: 's1',
    reviewer: reviewer.name,
    organisation: reviewer.organisation,
    signedAt: '2026-12-01T06:00:00Z',
    verdict: 'approve_with_changes',
    opinion: '原则同意，按意见修改后报批。',
    contentHash: 'ab'.repeat(32),
    algorithm: 'hzw-content/1',
    objects: 6,
    zones: 12,
  });
  return { document, comments, decisions, signoffs: [{ signoff, state: 'superseded' }], gkZone: 28 };
}

describe('the review report (审查意见)', () => {
  it('PDF: poppler finds the comments, answers, verdicts, state and the injection text literally, in the embedded font', async () => {
    const font = new Uint8Array(readFileSync(FONT_PATH));
    const { bytes, warnings } = await writeReviewReport({ ...(await input()), format: 'pdf', font });
    expect(warnings).toEqual([]);
    const path = saveTemp('review.pdf', bytes);
    const text = popplerOut('pdftotext', ['-layout', path, '-']);
    const flat = text.replace(/\s+/g, '');
    for (const s of [
      ZONE_REMARK,
      '已按道路中线调整。',
      '请补充文物影响评估。',
      '原则同意，按意见修改后报批。',
    ])
      expect(flat).toContain(s.replace(/\s+/g, ''));
    expect(text).toContain(INJECTION);
    expect(flat).toContain('意见1已解决存在冲突');
    expect(flat).toContain('修改后同意');
    expect(flat).toContain('巴音沟承化寺');
    expect(flat).toContain('签署状态：已失效：内容已修改');
    expect(flat).toContain('对象已修改');
    expect(flat).toContain('位置：东经84.490000°，北纬43.956000°');
    expect(popplerOut('pdffonts', [path])).toMatch(
      /WenQuanYiMicroHei\s+CID TrueType\s+Identity-H\s+yes\s+yes/,
    );
  });

  it('XLSX: GDAL reads the 意见, 结论, 签署 and 采纳情况 sheets with the exact text', async () => {
    const { bytes } = await writeReviewReport({ ...(await input()), format: 'xlsx' });
    const path = saveTemp('review.xlsx', bytes);
    const comments = xlsxRows(path, '意见');
    expect(comments).toHaveLength(5);
    expect(comments.find((r) => r['条目标识'] === 't2')).toMatchObject({
      内容: INJECTION,
      意见编号: 2,
      类型: '意见',
    });
    expect(comments.find((r) => r['条目标识'] === 't1-r')).toMatchObject({
      采纳: '采纳',
      作者: '王规划',
      冲突: '是',
      意见状态: '已解决',
    });
    // The zone is as the comment saw it (not flagged), but not as the verdict saw it (flagged).
    expect(comments.find((r) => r['条目标识'] === 't1')!['区划已修改']).toBeUndefined();
    const verdicts = xlsxRows(path, '结论');
    expect(verdicts.map((r) => [r['结论'], r['对象已修改'] ?? null])).toEqual([
      ['同意', null],
      ['修改后同意', '是'],
    ]);
    expect(verdicts[0]!['理由']).toBe(INJECTION);
    expect(xlsxRows(path, '签署')).toEqual([
      expect.objectContaining({
        审查人: '李审查',
        结论: '修改后同意',
        状态: '已失效：内容已修改',
        内容哈希: 'ab'.repeat(32),
      }),
    ]);
    expect(xlsxRows(path, '采纳情况').map((r) => r['采纳'])).toEqual(['采纳', '未答复', '未答复']);
  });

  it('XLSX: each thread on the map has its mini-map as a picture in its first row; a project remark none', async () => {
    const pages: Page[] = [];
    // A stand-in for the worker's canvas: a blank PNG of the page's size at 4 px per mm.
    const rasterise = async (page: Page) => {
      pages.push(page);
      const [widthPx, heightPx] = [Math.round(page.widthMm * 4), Math.round(page.heightMm * 4)];
      const parts: Uint8Array[] = [];
      const writer = new StripPngWriter((b) => parts.push(b.slice()), {
        width: widthPx,
        height: heightPx,
        dpi: 100,
      });
      writer.addRows(new Uint8Array(widthPx * heightPx * 4).fill(255), heightPx);
      writer.finish();
      return { png: Uint8Array.from(parts.flatMap((b) => [...b])), widthPx, heightPx };
    };
    const { bytes } = await writeReviewReport({ ...(await input()), format: 'xlsx' }, rasterise);
    // Threads 1 (a zone) and 2 (a position) are on the map; 3 (the whole project) is not.
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect([page.widthMm, page.heightMm]).toEqual([SNAPSHOT_MM.width, SNAPSHOT_MM.height]);
      // The pin is on it: a filled disc.
      expect(page.ops.some((op) => op.op === 'path' && op.closed && op.fill !== undefined)).toBe(true);
    }
    const files = readZip(bytes);
    const drawing = new TextDecoder().decode(files.find((f) => f.name === 'xl/drawings/drawing1.xml')!.bytes);
    // Rows 2 and 5 (0-based 1 and 4) start threads 1 and 2; the picture column is the 15th (O).
    expect([...drawing.matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1]))).toEqual([1, 4]);
    expect([...drawing.matchAll(/<xdr:col>(\d+)<\/xdr:col>/g)].map((m) => Number(m[1]))).toEqual([14, 14]);
    expect(files.filter((f) => f.name.startsWith('xl/media/'))).toHaveLength(2);
    // GDAL still reads the sheet's rows.
    const comments = xlsxRows(saveTemp('review-pictures.xlsx', bytes), '意见');
    expect(comments).toHaveLength(5);
  });

  it('HTML: the injection text stays text in Chromium (no img or script), under the strict CSP', async () => {
    const { bytes } = await writeReviewReport({ ...(await input()), format: 'html' });
    const dom = chromiumDom(saveTemp('review.html', bytes));
    expect(dom).not.toMatch(/<img|<script/i);
    expect(dom).toContain(
      '&lt;img src=x onerror=alert(1)&gt;&amp;amp; &lt;script&gt;alert(2)&lt;/script&gt;',
    );
    expect(dom).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(dom.match(/<svg /g)).toHaveLength(2);
    expect(dom).toContain(ZONE_REMARK);
  });
});
