import type { DocumentZone } from '../../formats/projectDocument';
import type { XlsxImage, XlsxSheet } from '../../formats/xlsx/writeXlsx';
import type { Snapshot } from './threadSnapshots';
import type { FigureZone } from '../../figures/zonesOnPage';
import { objectHash, zoneHash } from '../contentHash';
import { anchorTarget } from '../model';
import type { ReviewReportInput } from '../reportTypes';
import { anchorText, objectName, zoneText } from './anchorText';
import type { MiniMapContent } from './miniMap';
import type { ReportBlock, ReportDoc } from './reportDoc';
import {
  ADOPTION_LABELS,
  CHANGED_SINCE_LABEL,
  CONFLICT_LABEL,
  SIGNOFF_STATE_LABELS,
  STATUS_LABELS,
  VERDICT_LABELS,
} from './reviewLabels';
import { personText, reportTime } from './reviewText';
import { reportThreads, type ReportThread } from './threads';

/**
 * The review report (审查意见): every thread with where it is in words, a mini-map with its pin,
 * its entries, status and conflicts; then every decision; then the sign-offs with their state.
 * The same content as XLSX sheets 意见 / 结论 / 签署 / 采纳情况.
 */
export interface ReviewReportData {
  title: string;
  threads: ReportThread[];
  /** Decision entry ids and thread ids whose target record differs now from what the entry saw. */
  changed: Set<string>;
  input: ReviewReportInput;
}

/** The ideographic space that separates fields on one printed line. */
const GAP = '\u3000';

const PIN_COLOURS = {
  open: [0xc6, 0x28, 0x28],
  resolved: [0x2e, 0x7d, 0x32],
  wontfix: [0x75, 0x75, 0x75],
} as const;

export async function reviewReportData(input: ReviewReportInput): Promise<ReviewReportData> {
  const objects = new Map(input.document.objects.map((o) => [o.id, o]));
  const zones = new Map(input.document.zones.map((z) => [z.id, z]));
  const current = new Map<string, string>();
  const hashOf = async (kind: 'zone' | 'object', id: string): Promise<string | undefined> => {
    if (!current.has(id)) {
      const record = kind === 'zone' ? zones.get(id) : objects.get(id);
      if (record)
        current.set(id, kind === 'zone' ? await zoneHash(record as DocumentZone) : await objectHash(record));
    }
    return current.get(id);
  };
  // Per entry, not per target: a stale verdict says nothing about a comment written later.
  const changed = new Set<string>();
  for (const d of input.decisions)
    if ((await hashOf(d.target.kind, d.target.id)) !== d.targetHash) changed.add(d.entryId);
  for (const c of input.comments) {
    const target = c.anchor ? anchorTarget(c.anchor) : null;
    if (target && c.targetHash && (await hashOf(target.kind, target.id)) !== c.targetHash)
      changed.add(c.threadId);
  }
  const name = input.document.settings.name ?? '';
  return {
    title: `${name ? `${name} ` : ''}审查意见`,
    threads: reportThreads(input.comments),
    changed,
    input,
  };
}

/** What a thread's mini-map shows: its pin, the zone or object it is on, the zones around. */
export function threadMap(
  thread: ReportThread,
  data: ReviewReportData,
  context: readonly FigureZone[],
): MiniMapContent {
  const a = thread.root.anchor;
  const doc = data.input.document;
  const focusZones =
    a && 'zoneId' in a
      ? doc.zones.filter((z) => z.id === a.zoneId)
      : a?.kind === 'object'
        ? doc.zones.filter((z) => z.objectId === a.objectId)
        : [];
  return {
    gkZone: data.input.gkZone,
    context,
    focus: focusZones.map(figureZone),
    pins: a?.at ? [{ at: a.at, label: String(thread.number), colour: PIN_COLOURS[thread.status] }] : [],
    // A pin alone is shown with some 150 m around it, so the zones near it are on the map.
    minExtentM: focusZones.length ? 0 : 150,
  };
}

export const figureZone = (z: DocumentZone): FigureZone => ({
  objectId: z.objectId,
  zoneType: z.attributes.zoneType,
  geometry: z.geometry,
});

function entryHeader(entry: ReportThread['entries'][number], thread: ReportThread): string {
  const what =
    entry.entryId === thread.root.entryId
      ? '提出'
      : entry.kind === 'status'
        ? `状态改为「${STATUS_LABELS[entry.status].zh}」`
        : '回复';
  const adoption = entry.adoption ? ` · ${ADOPTION_LABELS[entry.adoption].zh}` : '';
  return `${personText(entry.author)} ${reportTime(entry.createdAt)} ${what}${adoption}`;
}

function decisionTarget(d: ReviewReportInput['decisions'][number], data: ReviewReportData): [string, string] {
  const doc = data.input.document;
  if (d.target.kind === 'object') return ['保护对象', objectName(doc, d.target.id)];
  return ['区划', zoneText(doc, d.target.id)];
}

export function reviewReportDoc(data: ReviewReportData): ReportDoc {
  const { input } = data;
  const context = input.document.zones.map(figureZone);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: data.title },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: `意见 ${data.threads.length} 条（未解决 ${data.threads.filter((t) => t.status === 'open').length}，存在冲突 ${data.threads.filter((t) => t.conflict).length}）；结论 ${input.decisions.length} 项；签署 ${input.signoffs.length} 项。`,
    },
    { kind: 'heading', level: 2, text: '一、审查意见' },
  ];
  if (data.threads.length === 0) blocks.push({ kind: 'paragraph', text: '没有审查意见。', tone: 'muted' });
  for (const thread of data.threads) {
    const changed = data.changed.has(thread.root.threadId);
    blocks.push({
      kind: 'heading',
      level: 2,
      text: `意见 ${thread.number}${GAP}${STATUS_LABELS[thread.status].zh}${thread.conflict ? `${GAP}${CONFLICT_LABEL.zh}` : ''}`,
      ...(thread.conflict && { tone: 'alert' as const }),
    });
    blocks.push({
      kind: 'paragraph',
      text: `位置：${anchorText(thread.root, input.document, input.gkZone)}`,
    });
    if (thread.root.anchor?.at)
      blocks.push({
        kind: 'figure',
        map: threadMap(thread, data, context),
        caption: `意见 ${thread.number} 的位置`,
        lines: [
          { text: `状态：${STATUS_LABELS[thread.status].zh}` },
          { text: `采纳：${thread.adoption ? ADOPTION_LABELS[thread.adoption].zh : '—'}` },
          { text: `条目：${thread.entries.length}` },
          ...(thread.conflict
            ? [{ text: `${CONFLICT_LABEL.zh}：并行的回复与状态不一致`, tone: 'alert' as const }]
            : []),
          ...(changed
            ? [{ text: `${CHANGED_SINCE_LABEL.zh}：意见之后区划已修改`, tone: 'alert' as const }]
            : []),
        ],
      });
    for (const entry of thread.entries) {
      blocks.push({ kind: 'paragraph', text: entryHeader(entry, thread), bold: true, tone: 'muted' });
      if (entry.text) blocks.push({ kind: 'paragraph', text: entry.text, indent: true });
    }
  }
  blocks.push({ kind: 'heading', level: 2, text: '二、审查结论' });
  if (input.decisions.length === 0) blocks.push({ kind: 'paragraph', text: '没有审查结论。', tone: 'muted' });
  else
    blocks.push({
      kind: 'table',
      columns: [
        { title: '类别', weight: 1 },
        { title: '对象 / 区划', weight: 3 },
        { title: '结论', weight: 1.3 },
        { title: '理由', weight: 4 },
        { title: '审查人', weight: 2 },
        { title: '时间', weight: 1.8 },
      ],
      rows: decisionRows(data).map((r) => [
        r[0],
        `${r[1]}${r[7] ? `（${CHANGED_SINCE_LABEL.zh}）` : ''}`,
        r[2],
        r[3],
        r[4],
        r[6],
      ]),
    });
  blocks.push({ kind: 'heading', level: 2, text: '三、签署' });
  if (input.signoffs.length === 0) blocks.push({ kind: 'paragraph', text: '尚未签署。', tone: 'muted' });
  for (const { signoff, state } of input.signoffs) {
    blocks.push({
      kind: 'paragraph',
      bold: true,
      tone: state === 'valid' ? 'good' : 'alert',
      text: `签署状态：${SIGNOFF_STATE_LABELS[state].zh}`,
    });
    blocks.push({
      kind: 'paragraph',
      text: `审查人：${personText({ name: signoff.reviewer, organisation: signoff.organisation })}${GAP}签署时间：${reportTime(signoff.signedAt)}${GAP}结论：${VERDICT_LABELS[signoff.verdict].zh}`,
    });
    blocks.push({ kind: 'paragraph', text: `审查意见：${signoff.opinion}` });
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: `内容哈希：${signoff.contentHash.slice(0, 16)}…（${signoff.objects} 个保护对象，${signoff.zones} 个区划）`,
    });
  }
  return { title: data.title, blocks };
}

/** [类别, 名称, 结论, 理由, 审查人, 单位, 时间, 已修改] per decision, by target then time. */
function decisionRows(
  data: ReviewReportData,
): [string, string, string, string, string, string, string, boolean][] {
  return [...data.input.decisions]
    .sort((a, b) =>
      a.target.id < b.target.id ? -1 : a.target.id > b.target.id ? 1 : a.createdAt < b.createdAt ? -1 : 1,
    )
    .map((d) => {
      const [kind, name] = decisionTarget(d, data);
      return [
        kind,
        name,
        VERDICT_LABELS[d.verdict].zh,
        d.reason,
        d.author.name,
        d.author.organisation,
        reportTime(d.createdAt),
        data.changed.has(d.entryId),
      ];
    });
}

/**
 * The sheets 意见 / 结论 / 签署 / 采纳情况; with `snapshots` (by thread number), each thread's
 * first row in 意见 holds its mini-map as a picture in the 位置图 column.
 */
export function reviewReportSheets(
  data: ReviewReportData,
  snapshots: ReadonlyMap<number, Snapshot> = new Map(),
): XlsxSheet[] {
  const { input } = data;
  const images: XlsxImage[] = [];
  const rowHeights = new Map<number, number>();
  const comments: (string | number)[][] = [
    [
      '意见编号',
      '条目',
      '类型',
      '位置',
      '作者',
      '单位',
      '时间',
      '内容',
      '条目状态',
      '采纳',
      '意见状态',
      '冲突',
      '区划已修改',
      '条目标识',
      '位置图',
    ],
  ];
  for (const thread of data.threads) {
    const snapshot = snapshots.get(thread.number);
    if (snapshot) {
      images.push({ row: comments.length, col: 14, ...snapshot, name: `意见 ${thread.number} 的位置` });
      rowHeights.set(comments.length, Math.ceil(snapshot.heightPx * 0.75) + 2);
    }
    thread.entries.forEach((entry, i) =>
      comments.push([
        thread.number,
        i + 1,
        entry.entryId === thread.root.entryId ? '意见' : entry.kind === 'status' ? '状态' : '回复',
        i === 0 ? anchorText(thread.root, input.document, input.gkZone) : '',
        entry.author.name,
        entry.author.organisation,
        reportTime(entry.createdAt),
        entry.text,
        STATUS_LABELS[entry.status].zh,
        entry.adoption ? ADOPTION_LABELS[entry.adoption].zh : '',
        STATUS_LABELS[thread.status].zh,
        thread.conflict ? '是' : '',
        data.changed.has(thread.root.threadId) ? '是' : '',
        entry.entryId,
      ]),
    );
  }
  const decisions = [
    ['类别', '对象 / 区划', '结论', '理由', '审查人', '单位', '时间', '对象已修改'],
    ...decisionRows(data).map((r) => [...r.slice(0, 7), r[7] ? '是' : ''] as string[]),
  ];
  const signoffs = [
    ['审查人', '单位', '签署时间', '结论', '审查意见', '内容哈希', '保护对象数', '区划数', '状态'],
    ...input.signoffs.map(({ signoff, state }) => [
      signoff.reviewer,
      signoff.organisation,
      reportTime(signoff.signedAt),
      VERDICT_LABELS[signoff.verdict].zh,
      signoff.opinion,
      signoff.contentHash,
      signoff.objects,
      signoff.zones,
      SIGNOFF_STATE_LABELS[state].zh,
    ]),
  ];
  const adoption: (string | number)[][] = [['意见编号', '位置', '提出人', '意见', '状态', '采纳', '冲突']];
  for (const t of data.threads)
    adoption.push([
      t.number,
      anchorText(t.root, input.document, input.gkZone),
      personText(t.root.author),
      t.root.text,
      STATUS_LABELS[t.status].zh,
      t.adoption ? ADOPTION_LABELS[t.adoption].zh : '未答复',
      t.conflict ? '是' : '',
    ]);
  return [
    {
      name: '意见',
      rows: comments,
      columnWidths: [8, 6, 6, 40, 10, 20, 17, 60, 8, 8, 8, 6, 10, 38, snapshots.size ? 42 : 10],
      ...(images.length && { images, rowHeights }),
    },
    { name: '结论', rows: decisions, columnWidths: [8, 36, 12, 50, 10, 20, 17, 10] },
    { name: '签署', rows: signoffs, columnWidths: [10, 20, 17, 12, 60, 66, 10, 8, 24] },
    { name: '采纳情况', rows: adoption, columnWidths: [8, 40, 20, 60, 8, 10, 6] },
  ];
}
