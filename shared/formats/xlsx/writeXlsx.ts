import { writeZip } from '../zip/zip';
import { escapeMarkup } from '../text/markup';
import { cellRef, sheetNames } from './xml';

export type XlsxCell = string | number | null;

export interface XlsxSheet {
  name: string;
  rows: readonly (readonly XlsxCell[])[];
  /** Column widths in characters (Excel's unit), by column index. */
  columnWidths?: readonly number[];
  /** Excel number formats by column index, e.g. '0.000' or '#,##0.00'; applied to numeric cells. */
  numberFormats?: readonly (string | null | undefined)[];
  /** Leading rows shown bold (column headers); 1 unless told. */
  headerRows?: number;
  /** Row heights in points, by row index (rows holding a picture). */
  rowHeights?: ReadonlyMap<number, number>;
  /** Pictures placed with their top-left corner in a cell (a drawing part per sheet). */
  images?: readonly XlsxImage[];
}

/** A PNG picture in a sheet, its top-left corner at a cell, shown at its pixel size (96 dpi). */
export interface XlsxImage {
  row: number;
  col: number;
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** Its name in the drawing (Excel's selection pane; alternative text). */
  name: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Distinct strings in first-use order: the shared string table Excel and GDAL expect. */
class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  add(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeMarkup(s)}</t></si>`).join('');
    return `${DECL}<sst xmlns="${NS}" count="${this.list.length}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/**
 * Cell styles: 0 plain, 1 bold (headers), then one per custom number format. Custom format ids
 * start at 164, the first id Excel leaves to files.
 */
class Styles {
  private readonly formats: string[] = [];
  styleOf(format: string | null | undefined): number {
    if (!format) return 0;
    let i = this.formats.indexOf(format);
    if (i < 0) i = this.formats.push(format) - 1;
    return 2 + i;
  }
  xml(): string {
    const numFmts = this.formats
      .map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeMarkup(f)}"/>`)
      .join('');
    const xfs = this.formats
      .map(
        (_, i) =>
          `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
      )
      .join('');
    return (
      `${DECL}<styleSheet xmlns="${NS}">` +
      (numFmts ? `<numFmts count="${this.formats.length}">${numFmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${2 + this.formats.length}">` +
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
      `${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function sheetXml(sheet: XlsxSheet, strings: SharedStrings, styles: Styles): string {
  const headerRows = sheet.headerRows ?? 1;
  const rows = sheet.rows.map((row, r) => {
    const cells = row.map((value, c) => {
      if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
      const ref = cellRef(r, c);
      if (typeof value === 'number') {
        const style = r < headerRows ? 1 : styles.styleOf(sheet.numberFormats?.[c]);
        return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
      }
      const style = r < headerRows ? ' s="1"' : '';
      return `<c r="${ref}"${style} t="s"><v>${strings.add(value)}</v></c>`;
    });
    const height = sheet.rowHeights?.get(r);
    return `<row r="${r + 1}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells.join('')}</row>`;
  });
  const widths = sheet.columnWidths ?? [];
  const cols = widths.length
    ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  // Freeze the header rows so they stay visible while scrolling.
  const pane =
    headerRows > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="${cellRef(headerRows, 0)}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '';
  const drawing = sheet.images?.length ? '<drawing r:id="rId1"/>' : '';
  return `${DECL}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">${pane}${cols}<sheetData>${rows.join('')}</sheetData>${drawing}</worksheet>`;
}

const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const DML = 'http://schemas.openxmlformats.org/drawingml/2006/main';
/** English Metric Units per pixel at 96 dpi. */
const EMU_PER_PX = 9525;

/** The drawing part of a sheet's pictures: one anchored picture each, `rId<n>` naming its media. */
function drawingXml(images: readonly XlsxImage[]): string {
  const pictures = images.map((image, i) => {
    const cx = Math.round(image.widthPx * EMU_PER_PX);
    const cy = Math.round(image.heightPx * EMU_PER_PX);
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${image.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${image.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${cx}" cy="${cy}"/>` +
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="${escapeMarkup(image.name)}" descr="${escapeMarkup(image.name)}"/>` +
      '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
      `<xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
      '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>'
    );
  });
  return `${DECL}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DML}" xmlns:r="${REL_NS}">${pictures.join('')}</xdr:wsDr>`;
}

/** The parts that carry each sheet's pictures: drawing, its relationships, the PNGs, the sheet's link to it. */
function pictureParts(sheets: readonly XlsxSheet[]): { name: string; bytes: Uint8Array }[] {
  const utf8 = new TextEncoder();
  const parts: { name: string; bytes: Uint8Array }[] = [];
  let media = 0;
  sheets.forEach((sheet, s) => {
    const images = sheet.images ?? [];
    if (images.length === 0) return;
    const drawing = `drawing${s + 1}.xml`;
    parts.push({
      name: `xl/worksheets/_rels/sheet${s + 1}.xml.rels`,
      bytes: utf8.encode(
        `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL_NS}/drawing" Target="../drawings/${drawing}"/></Relationships>`,
      ),
    });
    parts.push({ name: `xl/drawings/${drawing}`, bytes: utf8.encode(drawingXml(images)) });
    const rels = images.map((image, i) => {
      const file = `image${++media}.png`;
      parts.push({ name: `xl/media/${file}`, bytes: image.png });
      return `<Relationship Id="rId${i + 1}" Type="${REL_NS}/image" Target="../media/${file}"/>`;
    });
    parts.push({
      name: `xl/drawings/_rels/${drawing}.rels`,
      bytes: utf8.encode(`${DECL}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`),
    });
  });
  return parts;
}

/**
 * A minimal but real Office Open XML workbook (SpreadsheetML): one worksheet per entry, strings in
 * a shared string table, a bold style for header rows and custom number formats, and PNG pictures
 * anchored in cells (a DrawingML part per sheet). Opens in Excel,
 * LibreOffice, WPS and GDAL's XLSX driver.
 */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet');
  const names = sheetNames(sheets.map((s) => s.name));
  const strings = new SharedStrings();
  const styles = new Styles();
  const worksheets = sheets.map((sheet, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    text: sheetXml(sheet, strings, styles),
  }));
  const contentTypes =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="png" ContentType="image/png"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    worksheets
      .map(
        (w) =>
          `<Override PartName="/${w.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    sheets
      .map((sheet, i) =>
        sheet.images?.length
          ? `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`
          : '',
      )
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>';
  const rootRels =
    `${DECL}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
    names.map((n, i) => `<sheet name="${escapeMarkup(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const n = sheets.length;
  const workbookRels =
    `${DECL}<Relationships xmlns="${PKG_REL}">` +
    worksheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
  const utf8 = new TextEncoder();
  return writeZip([
    { name: '[Content_Types].xml', bytes: utf8.encode(contentTypes) },
    { name: '_rels/.rels', bytes: utf8.encode(rootRels) },
    { name: 'xl/workbook.xml', bytes: utf8.encode(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', bytes: utf8.encode(workbookRels) },
    { name: 'xl/styles.xml', bytes: utf8.encode(styles.xml()) },
    ...worksheets.map((w) => ({ name: w.name, bytes: utf8.encode(w.text) })),
    { name: 'xl/sharedStrings.xml', bytes: utf8.encode(strings.xml()) },
    ...pictureParts(sheets),
  ]);
}
