import type { Bilingual } from '../../domain/labels';
import type { FileBudget } from '../budgets';

/**
 * Where the records of a .shp are. The .shp is self-describing: each record header carries its
 * content length, so walking them from byte 100 finds every record. The .shx index is needed only
 * when the walk cannot go on (a cut-off file, bytes between records that are not a record header,
 * a header with a damaged length) and every index entry points at a record header — as GDAL reads
 * by the index, including the common non-conformant .shx whose lengths count the 8-byte record
 * header too. A missing, short or disagreeing .shx therefore costs nothing; it is named in a
 * warning. Nothing is allocated from a count a header claims: spans are pushed as they are found
 * within the bytes, each one spending from the file's record budget, and an index whose records
 * together claim more bytes than the .shp holds (entries pointing at one record again and again)
 * is not used.
 */
export type RecordSpan = { offset: number; length: number } | { cut: true };

export interface RecordLayout {
  spans: RecordSpan[];
  warnings: Bilingual[];
}

/** Shape types a record may carry (ESRI 1998 and MultiPatch). */
export const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28, 31]);

interface Walk {
  spans: { offset: number; length: number }[];
  /** Why the walk stopped: the end of the data, a record running past the end, or junk. */
  stop: 'end' | 'cut' | 'junk';
  at: number;
}

/** The content length of a plausible record header at `at`, or null. */
function recordLength(view: DataView, at: number): number | null {
  if (at + 12 > view.byteLength) return null;
  const length = view.getInt32(at + 4, false) * 2;
  if (length < 4) return null;
  return SHAPE_TYPES.has(view.getInt32(at + 8, true)) ? length : null;
}

function walk(view: DataView, declaredEnd: number, budget: FileBudget): Walk {
  const spans: Walk['spans'] = [];
  let at = 100;
  for (;;) {
    budget.spend('records', 1);
    if (at >= view.byteLength) return { spans, stop: 'end', at };
    const length = recordLength(view, at);
    // Past the header's file length, zero padding or junk ends the data quietly.
    if (length === null) return { spans, stop: at >= declaredEnd ? 'end' : 'junk', at };
    if (at + 8 + length > view.byteLength) return { spans, stop: 'cut', at };
    spans.push({ offset: at, length });
    at += 8 + length;
  }
}

/**
 * The .shx entries if every one points at a record header, else null. A length the .shp header
 * and the index disagree on is taken from the header when the index merely counts the 8-byte
 * header too (non-conformant writers), else from the index when the header's record number
 * confirms the entry (the header's length is then the damaged one) — as GDAL reads by the index.
 */
function indexSpans(view: DataView, shx: Uint8Array | undefined, budget: FileBudget): RecordSpan[] | null {
  if (!shx || shx.length < 100) return null;
  const index = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
  if (index.getInt32(0, false) !== 9994) return null;
  const spans: RecordSpan[] = [];
  let claimed = 100;
  for (let at = 100; at + 8 <= shx.length; at += 8) {
    budget.check('records', spans.length + 1);
    const offset = index.getInt32(at, false) * 2;
    const indexed = index.getInt32(at + 4, false) * 2;
    if (offset < 100 || indexed < 4) return null;
    if (offset + 12 > view.byteLength) {
      spans.push({ cut: true });
      continue;
    }
    if (!SHAPE_TYPES.has(view.getInt32(offset + 8, true))) return null;
    const header = view.getInt32(offset + 4, false) * 2;
    const agrees = header === indexed || header + 8 === indexed;
    if (!agrees && view.getInt32(offset, false) !== spans.length + 1) return null;
    const length = agrees ? header : indexed;
    // Records are read from the .shp's own bytes: together they cannot need more than it holds.
    claimed += 8 + length;
    if (claimed > view.byteLength) return null;
    spans.push(offset + 8 + length > view.byteLength ? { cut: true } : { offset, length });
  }
  return spans;
}

export function locateRecords(
  file: string,
  bytes: Uint8Array,
  shx: Uint8Array | undefined,
  budget: FileBudget,
): RecordLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getInt32(24, false) * 2;
  const declaredEnd = declared >= 100 ? declared : bytes.length;
  const walked = walk(view, declaredEnd, budget);
  const warnings: Bilingual[] = [];
  const shxCount = shx && shx.length >= 100 ? Math.floor((shx.length - 100) / 8) : null;
  if (walked.stop === 'end') {
    if (shxCount !== null && shxCount !== walked.spans.length) {
      warnings.push({
        zh: `${file}：.shx 索引列出 ${shxCount} 条记录，.shp 实有 ${walked.spans.length} 条；已按 .shp 的记录头读取`,
        en: `${file}: the .shx index lists ${shxCount} records but the .shp holds ${walked.spans.length}; read by the .shp record headers`,
      });
    }
    return { spans: walked.spans, warnings };
  }
  const indexed = indexSpans(view, shx, budget);
  if (indexed && indexed.length >= walked.spans.length) return { spans: indexed, warnings };
  const spans: RecordSpan[] = [...walked.spans, { cut: true }];
  if (walked.stop === 'junk') {
    warnings.push({
      zh: `${file}：第 ${walked.spans.length + 1} 条记录的记录头（字节 ${walked.at}）已损坏，其后 ${bytes.length - walked.at} 字节无法读取`,
      en: `${file}: the header of record ${walked.spans.length + 1} (byte ${walked.at}) is damaged; the ${bytes.length - walked.at} bytes after it cannot be read`,
    });
  }
  return { spans, warnings };
}
