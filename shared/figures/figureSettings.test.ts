import { describe, expect, it } from 'vitest';
import { buildTekesSample } from '../sample/buildSample';
import { ProjectSettingsSchema } from '../domain/schema';
import { readProjectFile, writeProjectFile } from '../formats/projectFile';
import { DEFAULT_FIGURE_SETTINGS, FigureSettingsSchema } from './figureSettings';

describe('figure settings', () => {
  it('default to A3 landscape at 1:1 000 for a project saved before figures existed', () => {
    const { figure } = ProjectSettingsSchema.parse({ name: '旧项目', gkZone: 28 });
    expect(figure).toEqual(DEFAULT_FIGURE_SETTINGS);
    expect([figure.paper, figure.orientation, figure.scale]).toEqual(['A3', 'landscape', 1000]);
  });

  it('travel in the project file with the title block', async () => {
    const sample = buildTekesSample();
    const figure = FigureSettingsSchema.parse({
      paper: 'A1',
      orientation: 'portrait',
      scale: 2000,
      grid: 'lines',
      titleBlock: {
        title: '特克斯县文物保护区划图',
        organisation: '某某规划院',
        sheetNo: 'TKS-03',
        notes: '第一行\n第二行',
      },
    });
    const bytes = await writeProjectFile(
      { ...sample, settings: { ...sample.settings, figure } },
      { generator: 'test', savedAt: new Date('2026-12-03T08:00:00.000Z') },
    );
    const back = await readProjectFile(bytes, 'tekes.hzw');
    expect(ProjectSettingsSchema.parse(back.settings).figure).toEqual(figure);
  });

  it('refuse a scale or margin out of range', () => {
    expect(FigureSettingsSchema.safeParse({ scale: 50 }).success).toBe(false);
    expect(FigureSettingsSchema.safeParse({ marginMm: 80 }).success).toBe(false);
    expect(FigureSettingsSchema.safeParse({ dpi: 96 }).success).toBe(false);
  });
});
