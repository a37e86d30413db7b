import { safeFileName } from '../safeFileName';
import { FormatError, fileProblem } from '../formatError';
import type { FormatAdapter, Layer, NamedBytes, ReadOptions, ReadResult, WriteOptions } from '../layer';
import { DEFAULT_ZIP_LIMITS, ZipError, looksLikeZip, readZip, writeZip } from '../zip/zip';
import { DEFAULT_MAX_KML_BYTES } from './kmlText';
import { readKmlText } from './readKml';
import { writeKmlText } from './writeKml';

/**
 * KML and KMZ. A KMZ is a zip whose `doc.kml` (or first .kml entry) is the document; inflating
 * stops at `maxBytes`, however small the sizes the archive declares.
 */
export interface KmlReadOptions extends ReadOptions {
  /** Largest KML text accepted (and inflated from a KMZ), bytes. */
  maxBytes?: number;
}

export interface KmlWriteOptions extends WriteOptions {
  /** Write a KMZ (zip of doc.kml) instead of a plain .kml. */
  kmz?: boolean;
  /** Name of the KML Document. */
  documentName?: string;
}

function kmlOfKmz(file: NamedBytes, maxBytes: number): NamedBytes {
  let entries: NamedBytes[];
  try {
    entries = readZip(file.bytes, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: maxBytes });
  } catch (error) {
    if (error instanceof ZipError) throw new FormatError(file.name, [fileProblem('zip', error.reason)]);
    throw error;
  }
  const kmls = entries.filter((e) => /\.kml$/i.test(e.name));
  const doc = kmls.find((e) => /(^|\/)doc\.kml$/i.test(e.name)) ?? kmls[0];
  if (!doc) {
    throw new FormatError(file.name, [
      fileProblem('doc.kml', { zh: 'KMZ 压缩包中没有 .kml 文件', en: 'The KMZ archive holds no .kml file' }),
    ]);
  }
  return { name: `${file.name}/${doc.name}`, bytes: doc.bytes };
}

export function readKml(files: readonly NamedBytes[], options: KmlReadOptions = {}): ReadResult {
  const file = files.find((f) => /\.km[lz]$/i.test(f.name)) ?? files[0];
  if (!file) throw new FormatError('', [fileProblem('file', { zh: '没有文件', en: 'No file given' })]);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_KML_BYTES;
  const kml = looksLikeZip(file.bytes) ? kmlOfKmz(file, maxBytes) : file;
  const result = readKmlText(kml.name, kml.bytes, { maxBytes });
  result.info.format = kml === file ? 'kml' : 'kmz';
  result.layers[0]!.name = result.layers[0]!.name || file.name.replace(/\.km[lz]$/i, '');
  return result;
}

export function writeKml(layers: readonly Layer[], options: KmlWriteOptions = {}): NamedBytes[] {
  const base = safeFileName(options.baseName ?? layers[0]?.name ?? 'zones', 'zones');
  const bytes = new TextEncoder().encode(writeKmlText(layers, options.documentName ?? base));
  if (!options.kmz) return [{ name: `${base}.kml`, bytes }];
  return [{ name: `${base}.kmz`, bytes: writeZip([{ name: 'doc.kml', bytes }]) }];
}

export const kmlAdapter: FormatAdapter<KmlReadOptions, KmlWriteOptions> = {
  id: 'kml',
  label: { zh: 'KML/KMZ（谷歌地球）', en: 'KML/KMZ (Google Earth)' },
  extensions: ['kml', 'kmz'],
  read: (files, options, progress) => {
    const result = readKml(files, options);
    progress(1);
    return result;
  },
  write: (layers, options, progress) => {
    const files = writeKml(layers, options);
    progress(1);
    return files;
  },
};
