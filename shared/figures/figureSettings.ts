import { z } from 'zod';
import { field } from '../domain/fieldMeta';

/**
 * A project's figure (出图) settings: the paper, scale and furniture of the 保护区划图 and the
 * title-block text. Saved with the project (ProjectSettings.figure), so the .hzw carries them.
 * Only the title block has form labels: the composer draws its own controls for the rest.
 */
export const PAPER_SIZES = ['A4', 'A3', 'A2', 'A1', 'A0'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
/** `ticks`: 坐标格网十字 and edge ticks; `lines`: the full grid; `none`. */
export const GRID_MODES = ['ticks', 'lines', 'none'] as const;
export type GridMode = (typeof GRID_MODES)[number];
export const FIGURE_DPIS = [150, 200, 300] as const;

const text = (max = 200) => z.string().trim().max(max);

export const TitleBlockSchema = z.object({
  title: field(text(), { zh: '标题', en: 'Title' }).default(''),
  subtitle: field(text(), { zh: '副标题', en: 'Subtitle' }).default(''),
  organisation: field(text(), { zh: '编制单位', en: 'Prepared by' }).default(''),
  date: field(text(50), { zh: '日期', en: 'Date' }).default(''),
  sheetNo: field(text(50), { zh: '图号', en: 'Sheet number' }).default(''),
  notes: field(text(1000), { zh: '附注', en: 'Notes' }, { multiline: true }).default(''),
});
export type TitleBlock = z.output<typeof TitleBlockSchema>;

export const FigureSettingsSchema = z.object({
  paper: z.enum(PAPER_SIZES).default('A3'),
  orientation: z.enum(ORIENTATIONS).default('landscape'),
  marginMm: z.number().min(5).max(50).default(10),
  /** The denominator n of 1:n. */
  scale: z.number().int().min(100).max(1_000_000).default(1000),
  grid: z.enum(GRID_MODES).default('ticks'),
  inset: z.boolean().default(true),
  /** Resolution of backgrounds in the PDF and of the PNG. */
  dpi: z.union(FIGURE_DPIS.map((d) => z.literal(d))).default(200),
  titleBlock: TitleBlockSchema.prefault({}),
});
export type FigureSettings = z.output<typeof FigureSettingsSchema>;
export type FigureSettingsInput = z.input<typeof FigureSettingsSchema>;

export const DEFAULT_FIGURE_SETTINGS: FigureSettings = FigureSettingsSchema.parse({});
