import { describe, expect, it } from 'vitest';
import type { Bilingual } from '../../shared/domain/labels';
import { MESSAGES } from '../../shared/domain/messages';
import { issueWording } from '../../shared/domain/issueWording';
import { noticeLines } from '../editor/notices';
import { projectLabels, REVIEW_COPY } from '../editor/projectList';
import { derivationParamLines } from './derivationParams';
import { UI } from './i18n';

/** Full-width (CJK) punctuation: ，。：；！？（）【】「」、 and the full-width forms block. */
const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;

function englishOf(texts: Record<string, Bilingual>): [string, string][] {
  return Object.entries(texts).map(([key, text]) => [key, text.en]);
}

describe('English text uses English punctuation', () => {
  it('in every UI string and rule message', () => {
    const offending = [...englishOf(UI), ...englishOf(MESSAGES)].filter(([, en]) => FULL_WIDTH.test(en));
    expect(offending).toEqual([]);
  });

  it('in the messages built for refused values, notices, derivations and the project list', () => {
    const issues = [
      { code: 'invalid_type', expected: 'number', path: ['heightLimitM'], message: '' },
      { code: 'invalid_value', values: ['a', 'b'], path: ['zoneType'], message: '' },
      { code: 'too_small', origin: 'number', minimum: 0, inclusive: false, path: ['x'], message: '' },
      { code: 'too_big', origin: 'number', maximum: 9, inclusive: true, path: ['x'], message: '' },
      {
        code: 'too_small',
        origin: 'array',
        minimum: 4,
        inclusive: true,
        path: ['coordinates', 0],
        message: '',
      },
      { code: 'custom', path: ['coordinates', 0, 1, 0], message: 'longitude outside −180…180' },
    ];
    const built = [
      ...issues.map((i) => issueWording(i as never)!.en),
      ...Object.values(noticeLines(Array.from({ length: 9 }, () => REVIEW_COPY))).flatMap((v) =>
        v && !Array.isArray(v) ? [(v as Bilingual).en] : [],
      ),
      ...derivationParamLines({ sides: { n: 1, e: 2, s: 3, w: 4 }, corner: 'mitre', distanceM: 5 }, 'en').map(
        (l) => `${l.label} ${l.value}`,
      ),
      ...projectLabels(
        [1, 2].map((i) => ({
          project: { id: `${i}`, settings: { name: 'Wusu' }, createdAt: '2026-03-02T06:00:00.000Z' } as never,
          review: i === 2,
        })),
        'en',
      ).map((l) => l.label),
    ];
    expect(built.filter((en) => FULL_WIDTH.test(en))).toEqual([]);
    expect(built.length).toBeGreaterThan(12);
  });
});

/**
 * Lines of the UI's sources that put full-width punctuation into text of either language: a
 * literal `（`, `：` or `；` outside a Chinese string (one with `zh` on its line or the two above,
 * as in `zh: '…'` and `lang === 'zh' ? '…'`) reaches the English UI too. `＋` is an icon, not
 * punctuation.
 */
const SOURCES = import.meta.glob<string>(['./*.{ts,tsx}', './form/*.{ts,tsx}', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function sharedFullWidthLines(): string[] {
  const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff00-\uff0a\uff0c-\uffef]/;
  const found: string[] = [];
  for (const [file, source] of Object.entries(SOURCES)) {
    const lines = source.split('\n');
    lines.forEach((line, i) => {
      const text = line.trim();
      if (!FULL_WIDTH_PUNCTUATION.test(text) || /^(\/\/|\*|\/\*)/.test(text)) return;
      if (/\bzh\b/.test(lines.slice(Math.max(0, i - 2), i + 1).join('\n'))) return;
      found.push(`${file}:${i + 1}: ${text}`);
    });
  }
  return found;
}

describe('UI sources', () => {
  it('join text with punctuation of the UI language, never a fixed full-width one', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    expect(sharedFullWidthLines()).toEqual([]);
  });
});
