import {
  ADOPTION_LABELS,
  COMMENT_STATUS_LABELS,
  SIGNOFF_STATE_LABELS,
  VERDICT_LABELS,
} from '../../../shared/review/model';
import { describe, expect, it } from 'vitest';
import type { Bilingual } from '../../../shared/domain/labels';
import { REVIEW_TEXT, labelled, withOrganisation } from './reviewText';

const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;

describe('review wording', () => {
  it('is bilingual, and the English uses English punctuation', () => {
    const all: Record<string, Bilingual> = {
      ...REVIEW_TEXT,
      ...COMMENT_STATUS_LABELS,
      ...ADOPTION_LABELS,
      ...VERDICT_LABELS,
      ...SIGNOFF_STATE_LABELS,
    };
    for (const [key, text] of Object.entries(all)) {
      expect(text.zh, key).not.toBe('');
      expect(text.en, key).not.toBe('');
      expect(FULL_WIDTH.test(text.en), `${key}: ${text.en}`).toBe(false);
    }
    expect(FULL_WIDTH.test(withOrganisation('Li', 'Wusu bureau', 'en') + labelled('a', 'b', 'en'))).toBe(
      false,
    );
    expect(withOrganisation('李审', '乌苏市文物局', 'zh')).toBe('李审（乌苏市文物局）');
  });
});
