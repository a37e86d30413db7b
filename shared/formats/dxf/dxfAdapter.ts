import { safeFileName } from '../safeFileName';
import { FormatError, fileProblem } from '../formatError';
import type { FormatAdapter, Layer, NamedBytes, ReadResult } from '../layer';
import { readDxfBytes, type DxfReadOptions } from './readDxf';
import { writeDxfBytes, type DxfWriteOptions } from './writeDxf';

/** Largest DXF accepted, bytes. */
export const MAX_DXF_BYTES = 512 * 1024 * 1024;

export function readDxf(files: readonly NamedBytes[], options: DxfReadOptions = {}): ReadResult {
  const file = files.find((f) => /\.dxf$/i.test(f.name)) ?? files[0];
  if (!file) throw new FormatError('', [fileProblem('file', { zh: '没有文件', en: 'No file given' })]);
  if (file.bytes.length > MAX_DXF_BYTES) {
    throw new FormatError(file.name, [
      fileProblem('size', {
        zh: `DXF 文件过大（${file.bytes.length} 字节，上限 ${MAX_DXF_BYTES}）`,
        en: `The DXF file is too large (${file.bytes.length} bytes, limit ${MAX_DXF_BYTES})`,
      }),
    ]);
  }
  return readDxfBytes(file.name, file.bytes, options);
}

export function writeDxf(layers: readonly Layer[], options: DxfWriteOptions = {}): NamedBytes[] {
  const base = safeFileName(options.baseName ?? layers[0]?.name ?? 'zones', 'zones');
  return [{ name: `${base}.dxf`, bytes: writeDxfBytes(layers, options) }];
}

export const dxfAdapter: FormatAdapter<DxfReadOptions, DxfWriteOptions> = {
  id: 'dxf',
  label: { zh: 'DXF（CAD 交换）', en: 'DXF (CAD exchange)' },
  extensions: ['dxf'],
  read: (files, options, progress) => {
    const result = readDxf(files, options);
    progress(1);
    return result;
  },
  write: (layers, options, progress) => {
    const files = writeDxf(layers, options);
    progress(1);
    return files;
  },
};
