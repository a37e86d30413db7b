import type { Bilingual } from '../../domain/labels';
import { ZlibStream, zlibCompress } from '../../formats/zip/deflate';
import type { Page } from '../displayList';
import type { TrueTypeFont } from '../font/trueType';
import { pageContent } from './pdfContent';
import { PdfFont, type ObjectSink } from './pdfFont';
import { writeImage } from './pdfImage';
import { ascii, num, pt, ref, textString } from './pdfSyntax';

/** Content text gathered before it is handed to the compressor. */
const CONTENT_PIECE = 64 * 1024;

export interface PdfInfo {
  title?: string;
  /** D:YYYYMMDDHHmmSS, left out when not given so equal inputs give equal files. */
  date?: Date;
}

/**
 * A PDF written as it goes: each page (its content stream and images) is handed to `write` as
 * soon as it is added, so an atlas of a hundred pages with orthophoto pieces never sits in memory
 * whole. Only the byte offsets, the page ids and the glyphs in use are kept; the font subset,
 * the page tree, the catalog and the cross-reference table follow the last page.
 */
export class PdfWriter {
  private offset = 0;
  private readonly offsets: number[] = [0];
  private readonly pageIds: number[] = [];
  private readonly pagesId: number;
  private readonly font: PdfFont;
  private finished = false;

  constructor(
    private readonly write: (bytes: Uint8Array) => void,
    font: TrueTypeFont,
    private readonly info: PdfInfo = {},
  ) {
    // The binary comment tells transfer tools the file is not text.
    this.emit(ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'));
    const sink: ObjectSink = {
      reserve: () => this.reserve(),
      object: (id, body) => this.object(id, body),
      stream: (id, dict, data) => this.stream(id, dict, zlibCompress(data), '/Filter /FlateDecode'),
    };
    this.font = new PdfFont(font, sink);
    this.pagesId = this.reserve();
  }

  get pageCount(): number {
    return this.pageIds.length;
  }

  /**
   * Writes one page with its images; the caller may drop the page afterwards. The images go
   * first, then the content stream, compressed as it is produced (its length follows in an
   * object of its own), so a page with a hundred thousand zone vertices is never one string.
   */
  addPage(page: Page): void {
    if (this.finished) throw new Error('PDF already finished');
    const opacities = new Map<string, string>();
    const images = new Map<string, { name: string; id: number }>();
    for (const op of page.ops) {
      if (op.op !== 'image' || images.has(op.id)) continue;
      const image = page.images[op.id];
      if (!image) throw new Error(`page image ${op.id} is missing`);
      const id = writeImage(
        () => this.reserve(),
        image,
        (i, dict, data) => this.stream(i, dict, data, ''),
      );
      images.set(op.id, { name: `Im${images.size}`, id });
    }
    const contentId = this.reserve();
    const lengthId = this.reserve();
    this.offsets[contentId] = this.offset;
    this.emit(ascii(`${contentId} 0 obj\n<< /Filter /FlateDecode /Length ${ref(lengthId)} >>\nstream\n`));
    let length = 0;
    const zlib = new ZlibStream((data) => {
      length += data.length;
      this.emit(data);
    });
    let text = '';
    let usesFont = false;
    pageContent(
      page.ops,
      {
        font: this.font,
        opacity: (fill, stroke) => {
          const key = `/ca ${num(fill)} /CA ${num(stroke)}`;
          let name = opacities.get(key);
          if (!name) opacities.set(key, (name = `GS${opacities.size}`));
          return name;
        },
        image: (id) => images.get(id)!.name,
      },
      (line, isText) => {
        usesFont ||= isText;
        text += `${line}\n`;
        if (text.length >= CONTENT_PIECE) {
          zlib.push(ascii(text));
          text = '';
        }
      },
    );
    zlib.push(ascii(text), true);
    this.emit(ascii('\nendstream\nendobj\n'));
    this.object(lengthId, String(length));
    const resources: string[] = [];
    if (usesFont) resources.push(`/Font << /F1 ${ref(this.font.objectId)} >>`);
    if (opacities.size)
      resources.push(`/ExtGState << ${[...opacities].map(([k, n]) => `/${n} << ${k} >>`).join(' ')} >>`);
    if (images.size)
      resources.push(
        `/XObject << ${[...images.values()].map((e) => `/${e.name} ${ref(e.id)}`).join(' ')} >>`,
      );
    const pageId = this.reserve();
    this.object(
      pageId,
      `<< /Type /Page /Parent ${ref(this.pagesId)} /MediaBox [0 0 ${pt(page.widthMm)} ${pt(page.heightMm)}]` +
        ` /Resources << ${resources.join(' ')} >> /Contents ${ref(contentId)} >>`,
    );
    this.pageIds.push(pageId);
  }

  /** Writes the font, page tree, catalog and cross-reference table. Returns what went wrong softly. */
  finish(): { warnings: Bilingual[] } {
    if (this.finished) throw new Error('PDF already finished');
    this.finished = true;
    this.font.finish();
    this.object(
      this.pagesId,
      `<< /Type /Pages /Kids [${this.pageIds.map(ref).join(' ')}] /Count ${this.pageIds.length} >>`,
    );
    const catalogId = this.reserve();
    this.object(catalogId, `<< /Type /Catalog /Pages ${ref(this.pagesId)} >>`);
    const infoId = this.reserve();
    const info = ['/Producer (Heritage Zone Workbench)'];
    if (this.info.title) info.push(`/Title ${textString(this.info.title)}`);
    if (this.info.date) info.push(`/CreationDate (${pdfDate(this.info.date)})`);
    this.object(infoId, `<< ${info.join(' ')} >>`);
    const xref = this.offset;
    const rows = this.offsets.map((o, i) =>
      i === 0 ? '0000000000 65535 f \n' : `${String(o).padStart(10, '0')} 00000 n \n`,
    );
    this.emit(
      ascii(
        `xref\n0 ${this.offsets.length}\n${rows.join('')}` +
          `trailer\n<< /Size ${this.offsets.length} /Root ${ref(catalogId)} /Info ${ref(infoId)} >>\n` +
          `startxref\n${xref}\n%%EOF\n`,
      ),
    );
    const missing = [...this.font.missing];
    return {
      warnings: missing.length
        ? [
            {
              zh: `图面字体中没有以下字符，PDF 中显示为空框：${missing.join(' ')}`,
              en: `The figure font has no glyph for these characters, shown as empty boxes in the PDF: ${missing.join(' ')}`,
            },
          ]
        : [],
    };
  }

  private reserve(): number {
    this.offsets.push(-1);
    return this.offsets.length - 1;
  }

  private object(id: number, body: string): void {
    this.offsets[id] = this.offset;
    this.emit(ascii(`${id} 0 obj\n${body}\nendobj\n`));
  }

  /** A stream object; `filter` is added to `dict` (empty when `dict` already names it). */
  private stream(id: number, dict: string, data: Uint8Array, filter: string): void {
    this.offsets[id] = this.offset;
    const entries = [dict, filter, `/Length ${data.length}`].filter(Boolean).join(' ');
    this.emit(ascii(`${id} 0 obj\n<< ${entries} >>\nstream\n`));
    this.emit(data);
    this.emit(ascii('\nendstream\nendobj\n'));
  }

  private emit(bytes: Uint8Array): void {
    this.offset += bytes.length;
    this.write(bytes);
  }
}

function pdfDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}
